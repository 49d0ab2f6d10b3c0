"""The `assistant` command: the GUI by default, subcommands for headless work.

The command line is one layer above the core: each module of this package registers the
subcommands of one area (`search`, `notes`, `export`, `check`), importing the core packages it
drives lazily, so `assistant --help` imports neither Qt nor Whoosh and no core package imports
another's command line.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Modules exposing `register(subparsers)`; each adds its subcommands with `set_defaults(func=...)`
# where func(args) -> int is the exit status.
COMMAND_MODULES = (
    "assistant.cli.search",  # index, search
    "assistant.cli.notes",  # notes
    "assistant.cli.export",  # export
    "assistant.cli.check",  # check
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Essay research assistant. With no command, opens the app.",
    )
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    commands = set(parser._subparsers._group_actions[0].choices or ())  # type: ignore[union-attr]
    # `assistant`, `assistant --corpus D` and `assistant essay.essay` all open the app.
    if not arguments or (arguments[0] not in commands and arguments[0] not in ("-h", "--help")):
        arguments.insert(0, "gui")
    args = parser.parse_args(arguments)
    return _run_guarded(args)


def _run_guarded(args: argparse.Namespace) -> int:
    """Run a command; a full disk, a read-only folder, input nested too deep or memory
    running out ends it with a message and exit status 2, never a traceback."""
    from assistant.failures import SYSTEM_FAILURES, describe

    try:
        return int(args.func(args) or 0)
    except SYSTEM_FAILURES as error:
        print(f"error: {describe(error)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
