"""Run the `tesseract` program on one image: words with boxes, or the script it is written in.

A subprocess rather than a binding: a page can take a minute, and cancel must be able to stop
it at once (the process is killed), and a crash in Tesseract cannot take the indexer with it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from functools import lru_cache
from pathlib import Path

from assistant.library.ocr.context import _Cancel

# (text, left, top, right, bottom, block, paragraph, line, confidence): pixels of the image.
Word = tuple[str, int, int, int, int, int, int, int, float]


class OcrError(RuntimeError):
    """Tesseract failed, timed out or was cancelled; the message is for the writer."""


class OcrCancelled(OcrError):
    pass


def executable() -> str | None:
    """The tesseract program on PATH, or None when it is not installed."""
    return shutil.which("tesseract")


@lru_cache(maxsize=4)
def _installed(program: str) -> frozenset[str]:
    try:
        result = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = (result.stdout + result.stderr).splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip() and " " not in line)


def installed_languages() -> frozenset[str]:
    program = executable()
    return _installed(program) if program else frozenset()


def _environment() -> dict[str, str]:
    # One thread per Tesseract: its OpenMP threads slow it down on a shared two-core machine
    # and would compete with the GUI.
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _run(
    arguments: list[str], timeout: float, cancel: _Cancel | None
) -> subprocess.CompletedProcess[str]:
    program = executable()
    if program is None:
        raise OcrError("tesseract is not installed")
    process = subprocess.Popen(
        [program, *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(),
    )
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                stdout, stderr = process.communicate(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                if cancel is not None and cancel.is_set():
                    raise OcrCancelled("OCR was cancelled") from None
                if time.monotonic() > deadline:
                    raise OcrError(f"OCR took over {timeout:.0f} s and was stopped") from None
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def recognise(
    image: Path, languages: list[str], timeout: float = 300.0, cancel: _Cancel | None = None
) -> list[Word]:
    """Words of the image with their boxes, in Tesseract's reading order."""
    result = _run(
        [str(image), "stdout", "-l", "+".join(languages), "--psm", "3", "tsv"], timeout, cancel
    )
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()[-1:] or ["no message"]
        raise OcrError(f"tesseract failed ({detail[0]})")
    words: list[Word] = []
    for row in result.stdout.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        text = cells[11].strip()
        if not text:
            continue
        left, top, width, height = (int(c) for c in cells[6:10])
        block, par, line = int(cells[2]), int(cells[3]), int(cells[4])
        words.append((text, left, top, left + width, top + height, block, par, line,
                      float(cells[10])))  # fmt: skip
    return words


_SCRIPT_MODELS = {"Latin": "eng", "Cyrillic": "rus", "Han": "chi_sim", "HanS": "chi_sim",
                  "HanT": "chi_tra", "Greek": "ell", "Arabic": "ara", "Hebrew": "heb",
                  "Japanese": "jpn", "Hangul": "kor"}  # fmt: skip


def detect_script_model(image: Path, timeout: float = 60.0, cancel: _Cancel | None = None) -> str:
    """The model for the script Tesseract's orientation detection sees ('' when unsure)."""
    if "osd" not in installed_languages():
        return ""
    try:
        result = _run([str(image), "stdout", "--psm", "0"], timeout, cancel)
    except OcrCancelled:
        raise
    except OcrError:
        return ""
    script, confidence = "", 0.0
    for line in result.stdout.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Script":
            script = value.strip()
        elif key.strip() == "Script confidence":
            try:
                confidence = float(value)
            except ValueError:
                confidence = 0.0
    return _SCRIPT_MODELS.get(script, "") if confidence >= 1.0 else ""
