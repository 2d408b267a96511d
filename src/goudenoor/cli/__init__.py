"""
The ``goudenoor`` command.

Every error the user causes is printed as one line,
``goudenoor: error: <message>``, on standard error, with exit code 2.

Each command group keeps its options and its handler side by side in one
private module (``_standard``, ``_template``, ``_score``, ``_formats``,
``_migrate``, ``_team``, ``_calibrate``, ``_interchange``, ``_export``, ``_journal``,
``_findings``, ``_evidence``, ``_sample``, ``_portfolio``, ``_questionnaire``); what
they share is in ``_common``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Final, TextIO

from goudenoor.cli._common import (
    EXIT_CODES,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    FINDINGS,
    Commands,
    Handler,
    Parser,
    check_stdin,
    one_line_message,
)
from goudenoor.exceptions import GoudenoorError, OutputExistsError


__all__ = [
    "build_parser",
    "main",
]


def __dir__() -> list[str]:
    return __all__


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """
    Run the command with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0 on success, 1 on findings or refused files (only
        the commands listed under exit code 1 in ``goudenoor --help``), 2
        on usage or unreadable input.
    """
    stream = out if out is not None else sys.stdout
    arguments = sys.argv[1:] if argv is None else list(argv)
    # A command named first is the only one whose options are needed:
    # building only its parser spares every other command group's import
    # and options (a third of a short command's time). Anything else
    # (--help, --version, no command, a mistyped one) gets the whole
    # parser, which lists and suggests every command.
    only = arguments[0] if arguments and arguments[0] in _COMMANDS else None
    args = _parser(only).parse_args(arguments)
    handler: Handler = args.handler
    try:
        check_stdin(args)
        return handler(args, stream)
    except OutputExistsError as exc:
        # The library's advice (overwrite=True) in the command's terms.
        message = (
            f"{exc.path}: file exists; not overwritten (add --force to replace it)"
        )
        sys.stderr.write(f"goudenoor: error: {one_line_message(message)}\n")
        return EXIT_USAGE
    except GoudenoorError as exc:
        sys.stderr.write(f"goudenoor: error: {one_line_message(str(exc))}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `goudenoor show | head`
        sys.stderr.close()
        return EXIT_OK


_COMMANDS: Final = (
    "editions",
    "show",
    "questionnaire",
    "template",
    "score",
    "report",
    "compare",
    "import-xlsx",
    "graph",
    "extensions",
    "schema",
    "validate",
    "diff",
    "migrate",
    "consensus",
    "calibrate",
    "oscal",
    "export",
    "import",
    "rate",
    "journal",
    "findings",
    "evidence",
    "sample",
    "portfolio",
    "status",
    "rollup",
    "benchmark",
    "trend",
)
"""The commands, in the order of an audit's year (not of the modules):
the order ``goudenoor --help`` lists them in."""


def build_parser() -> argparse.ArgumentParser:
    """
    The command's argument parser (also used to document the command).
    """
    return _parser(None)


def _parser(only: str | None) -> argparse.ArgumentParser:
    """
    The command's argument parser, with every command, or with the
    command *only* alone (the same parser for that command's arguments).
    """
    parser = Parser(
        prog="goudenoor",
        description="Work with the Gouden Oor Standaard: look up its "
        "editions, areas and requirements, write audit templates and score "
        "assessments.",
        # Shown by 'goudenoor --help' only, which has the whole parser.
        epilog=_exit_codes() if only is None else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(
        title="commands",
        dest="command",
        metavar="COMMAND",
        parser_class=Parser,
    )
    commands.required = True
    for command in _COMMANDS if only is None else (only,):
        _adder(command)(commands)
    return parser


def _adder(command: str) -> Callable[[Commands], None]:  # noqa: C901, PLR0912 - a branch per group
    """
    The function that adds *command* to the parser, from the module of its
    command group, imported here (by import statements, which
    import-linter sees) only when one of its commands is built.
    """
    group: ModuleType
    if command in ("editions", "show", "graph", "extensions", "diff"):
        from goudenoor.cli import _standard as group
    elif command == "questionnaire":
        from goudenoor.cli import _questionnaire as group
    elif command in ("template", "import-xlsx"):
        from goudenoor.cli import _template as group
    elif command in ("score", "report", "compare"):
        from goudenoor.cli import _score as group
    elif command in ("schema", "validate"):
        from goudenoor.cli import _formats as group
    elif command == "migrate":
        from goudenoor.cli import _migrate as group
    elif command == "consensus":
        from goudenoor.cli import _team as group
    elif command == "calibrate":
        from goudenoor.cli import _calibrate as group
    elif command == "oscal":
        from goudenoor.cli import _interchange as group
    elif command in ("export", "import"):
        from goudenoor.cli import _export as group
    elif command == "findings":
        from goudenoor.cli import _findings as group
    elif command == "evidence":
        from goudenoor.cli import _evidence as group
    elif command == "sample":
        from goudenoor.cli import _sample as group
    elif command in ("rate", "journal"):
        from goudenoor.cli import _journal as group
    else:
        from goudenoor.cli import _portfolio as group
    adder: Callable[[Commands], None] = getattr(
        group, f"add_{command.replace('-', '_')}_command"
    )
    return adder


def _exit_codes() -> str:
    """
    The epilog of ``goudenoor --help``: standard input and the exit codes,
    from the one table the commands follow (``_common.EXIT_CODES``).
    """
    import textwrap

    lines = [
        "A FILE argument of '-' reads standard input (once per command); errors",
        "then name the file <stdin>. A PATH (portfolio, benchmark --against) is",
        "a file, folder or pattern, never '-'.",
        "",
        "exit codes:",
    ]
    for code, meaning in EXIT_CODES.items():
        lines += textwrap.wrap(
            meaning, 76, initial_indent=f"  {code}  ", subsequent_indent="     "
        )
        if code == EXIT_FINDINGS:
            lines += [f"     - {command}: {what}" for command, what in FINDINGS.items()]
    return "\n".join(lines) + "\n"


class _VersionAction(argparse.Action):
    """
    ``--version``: print the installed version and exit. The version is
    looked up only when asked for (importlib.metadata costs every other
    command about 10 ms).
    """

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show the version and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,  # noqa: ARG002 - argparse's signature
        values: object,  # noqa: ARG002 - idem
        option_string: str | None = None,  # noqa: ARG002 - idem
    ) -> None:
        sys.stdout.write(f"{parser.prog} {_version()}\n")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("goudenoor")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"
