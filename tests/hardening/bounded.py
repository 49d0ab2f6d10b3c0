"""Run hostile inputs in a child process whose time and memory are capped by the OS.

A hang fails the test by the subprocess timeout and a runaway allocation by the child's
address-space limit (RLIMIT_AS), never by a timed assertion: the limits are generous (tens of
seconds, 1.5 GB), far above what the inputs need once they are refused, far below what the
unbounded code used (hours, 6 GB).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SRC = REPO_ROOT / "src"
TIME_LIMIT_S = 60
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024


def _limits(file_size: int | None, memory: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if file_size is not None:
            # A disk that fills up: writes past `file_size` bytes fail with EFBIG (the signal
            # that would kill the process instead is ignored, as the exec keeps it).
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return apply


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


def run_bounded(
    args: Sequence[str],
    *,
    cwd: Path | None = None,
    timeout: float = TIME_LIMIT_S,
    stdin: str | None = None,
    file_size: int | None = None,
    memory: int = MEMORY_LIMIT_BYTES,
) -> subprocess.CompletedProcess[str]:
    """`python ARGS` under the time and memory limits (and, given `file_size`, no file written
    past that size); raises TimeoutExpired on a hang."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=child_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limits(file_size, memory),
        check=False,
    )


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = TIME_LIMIT_S, file_size: int | None = None
) -> subprocess.CompletedProcess[str]:
    """`assistant ARGS` under the limits."""
    return run_bounded(["-m", "assistant", *args], cwd=cwd, timeout=timeout, file_size=file_size)


def run_code(
    code: str,
    *args: str,
    cwd: Path | None = None,
    timeout: float = TIME_LIMIT_S,
    memory: int = MEMORY_LIMIT_BYTES,
) -> subprocess.CompletedProcess[str]:
    """A snippet of Python (with `args` as sys.argv[1:]) under the limits."""
    return run_bounded(["-c", code, *args], cwd=cwd, timeout=timeout, memory=memory)
