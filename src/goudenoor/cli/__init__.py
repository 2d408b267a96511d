"""
The ``goudenoor`` command.

Every error the user causes is printed as one line,
``goudenoor: error: <message>``, on standard error, with exit code 2.

Each command group keeps its options and its handler side by side in one
private module (``_standard``, ``_template``, ``_score``, ``_formats``,
``_migrate``, ``_team``, ``_interchange``, ``_findings``, ``_portfolio``); what they
share is in ``_common``.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

from goudenoor.cli._common import (
    EXIT_CODES,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    FINDINGS,
    Handler,
    Parser,
    check_stdin,
    one_line_message,
)
from goudenoor.cli._findings import add_findings_command
from goudenoor.cli._formats import add_schema_command, add_validate_command
from goudenoor.cli._interchange import add_oscal_command
from goudenoor.cli._migrate import add_migrate_command
from goudenoor.cli._portfolio import (
    add_benchmark_command,
    add_portfolio_command,
    add_rollup_command,
    add_status_command,
    add_trend_command,
)
from goudenoor.cli._score import (
    add_compare_command,
    add_report_command,
    add_score_command,
)
from goudenoor.cli._standard import (
    add_diff_command,
    add_editions_command,
    add_extensions_command,
    add_graph_command,
    add_show_command,
)
from goudenoor.cli._team import add_consensus_command
from goudenoor.cli._template import add_import_xlsx_command, add_template_command
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
    args = build_parser().parse_args(argv)
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


def build_parser() -> argparse.ArgumentParser:
    """
    The command's argument parser (also used to document the command).
    """
    parser = Parser(
        prog="goudenoor",
        description="Work with the Gouden Oor Standaard: look up its "
        "editions, areas and requirements, write audit templates and score "
        "assessments.",
        epilog=_exit_codes(),
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
    # In the order of an audit's year, not of the modules: this is the
    # order 'goudenoor --help' lists them in.
    add_editions_command(commands)
    add_show_command(commands)
    add_template_command(commands)
    add_score_command(commands)
    add_report_command(commands)
    add_compare_command(commands)
    add_import_xlsx_command(commands)
    add_graph_command(commands)
    add_extensions_command(commands)
    add_schema_command(commands)
    add_validate_command(commands)
    add_diff_command(commands)
    add_migrate_command(commands)
    add_consensus_command(commands)
    add_oscal_command(commands)
    add_findings_command(commands)
    add_portfolio_command(commands)
    add_status_command(commands)
    add_rollup_command(commands)
    add_benchmark_command(commands)
    add_trend_command(commands)
    return parser


def _exit_codes() -> str:
    """
    The epilog of ``goudenoor --help``: standard input and the exit codes,
    from the one table the commands follow (``_common.EXIT_CODES``).
    """
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
