"""The `assistant` command: the GUI by default, subcommands for headless work.

The command line is one layer above the core: each module of this package registers the
subcommands of one area (`search`, `notes`, `export`, `check`), importing the core packages it
drives lazily, so `assistant --help` imports neither Qt nor Whoosh and no core package imports
another's command line.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# Exit status of a program whose output pipe was closed (128 + SIGPIPE), as `yes | head` gives.
EXIT_BROKEN_PIPE = 141

# Modules exposing `register(subparsers)`; each adds its subcommands with `set_defaults(func=...)`
# where func(args) -> int is the exit status.
COMMAND_MODULES = (
    "assistant.cli.search",  # index, search
    "assistant.cli.notes",  # notes
    "assistant.cli.export",  # export
    "assistant.cli.check",  # check
    "assistant.cli.library",  # library import, list, sync
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Essay research assistant. With no command, opens the app.",
    )
    from assistant import __version__

    parser.add_argument("--version", action="version", version=f"assistant {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = subparsers.add_parser("gui", help="open the app (the default)")
    gui.add_argument("--corpus", help="corpus folder (default: the bundled corpus)")
    gui.add_argument("--index", help="index folder (default: chosen per corpus)")
    gui.add_argument("essay", nargs="?", help="essay file to open")
    gui.set_defaults(func=_run_gui)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from assistant.ui.app import run_app

    return run_app(corpus=args.corpus, index=args.index, essay=args.essay)


def _opens_the_app(argument: str) -> bool:
    """Whether a first argument that is not a command means "open the app": an option of the
    app (`--corpus`), or an essay or draft to open. Anything else is a mistyped command."""
    if argument.startswith("-"):
        return True
    path = Path(argument).expanduser()
    return path.exists() or path.suffix.lower() in (".essay", ".md", ".markdown")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    commands = set(parser._subparsers._group_actions[0].choices or ())  # type: ignore[union-attr]
    # `assistant`, `assistant --corpus D` and `assistant essay.essay` all open the app; a
    # mistyped command (`assistant serch`) is an error, exit status 2, not the app opening.
    if not arguments or (
        arguments[0] not in commands
        and arguments[0] not in ("-h", "--help", "--version")
        and _opens_the_app(arguments[0])
    ):
        arguments.insert(0, "gui")
    args = parser.parse_args(arguments)
    return _run_guarded(args)


def _run_guarded(args: argparse.Namespace) -> int:
    """Run a command; a full disk, a read-only folder, input nested too deep or memory
    running out ends it with a message and exit status 2, never a traceback; a reader that
    went away (`assistant library list | head`) ends it quietly."""
    from assistant.failures import SYSTEM_FAILURES, describe

    try:
        status = int(args.func(args) or 0)
        sys.stdout.flush()
    except BrokenPipeError:
        # Pointing stdout at /dev/null stops Python's own flush at exit from failing again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except SYSTEM_FAILURES as error:
        print(f"error: {describe(error)}", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":
    sys.exit(main())
