"""
The commands of the journal of rating changes: ``rate`` changes ratings
and appends the entries that say who, when and why; ``journal verify``
checks the chain, the head and the replay; ``journal show`` prints the
history.

Each reads the assessment FILE and the journal beside it
(``NAME.journal.jsonl``), so neither reads standard input.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from goudenoor._text import plain_line
from goudenoor.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    Parser,
    add_output_options,
    write_output,
)
from goudenoor.exceptions import JournalError


__all__ = ["add_journal_command", "add_rate_command"]


def __dir__() -> list[str]:
    return __all__


def _no_stdin(name: str, command: str) -> None:
    if name == "-":
        raise JournalError(
            f"{command} reads an assessment file and the journal beside it, "
            "not standard input ('-'): give the path of the assessment"
        )


def add_rate_command(commands: Commands) -> None:
    rate = commands.add_parser(
        "rate",
        help="change ratings and record who, when and why in the journal",
        description="Change ratings of an assessment file and append an entry "
        "per change to its journal (NAME.journal.jsonl beside it), with who, "
        "when and why. The journal is written before the file, so a crash "
        "leaves the old pair, the new pair, or a pair 'journal verify' "
        "reports. An unknown requirement or a value off the scale changes "
        "nothing. A change found in the file but not in the journal (an edit "
        "by hand) is recorded first, by 'unknown'.",
    )
    rate.add_argument(
        "file", metavar="FILE", help="the assessment (YAML), changed in place"
    )
    rate.add_argument(
        "changes",
        metavar="CHANGE",
        nargs="+",
        help='ID=VALUE (1.3=3) or ID=na:REASON (2.1=na:"geen balie")',
    )
    rate.add_argument("--by", required=True, metavar="NAME", help="who changes them")
    rate.add_argument("--reason", required=True, metavar="TEXT", help="why (mandatory)")
    rate.add_argument(
        "--note", metavar="TEXT", help="a note for each requirement changed"
    )
    rate.set_defaults(handler=_rate)


def _rate(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.audit import parse_changes
    from goudenoor.files import journal_path, rate_file

    _no_stdin(args.file, "rate")
    changes = parse_changes(args.changes)
    audit, entries = rate_file(
        args.file, changes, by=args.by, reason=args.reason, note=args.note
    )
    lines = [
        plain_line(f"entry {entry.seq}: {entry.describe()} (by {entry.by})")
        for entry in entries
    ]
    lines.append(
        f"{len(entries)} entries written to {journal_path(args.file)}; "
        f"journal_head {audit.assessment.journal_head}"
    )
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def add_journal_command(commands: Commands) -> None:
    journal = commands.add_parser(
        "journal",
        help="verify or show the journal of an assessment's rating changes",
        description="Verify the journal of rating changes beside an assessment "
        "(NAME.journal.jsonl), or print its history.",
    )
    actions = journal.add_subparsers(
        title="actions", dest="action", metavar="ACTION", parser_class=Parser
    )
    actions.required = True
    verify = actions.add_parser(
        "verify",
        help="check the chain, the head and the replay",
        description="Check that the journal's chain of hashes is whole, that "
        "the assessment's journal_head is its last entry, and that replaying "
        "the entries over the state the journal started from gives the "
        "assessment's ratings, notes, evidence and finding statuses. Names "
        "the first entry that is edited, missing or out of order, and exits "
        "1.",
    )
    verify.add_argument("file", metavar="FILE", help="the assessment (YAML)")
    verify.set_defaults(handler=_verify)
    show = actions.add_parser(
        "show",
        help="print the history of changes",
        description="Print the journal's entries, oldest first: number, time, "
        "who, what changed from what to what, and why.",
    )
    show.add_argument("file", metavar="FILE", help="the assessment (YAML)")
    show.add_argument(
        "--requirement", metavar="ID", help="only the changes of this requirement"
    )
    add_output_options(show)
    show.set_defaults(handler=_show)


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import load_journal

    _no_stdin(args.file, "journal verify")
    journal = load_journal(args.file)
    problems = journal.verify()
    for problem in problems:
        sys.stderr.write(f"goudenoor: {plain_line(problem)}\n")
    if problems:
        return EXIT_FINDINGS
    out.write(
        f"{journal.source}: whole: {len(journal.entries)} entries, the head "
        "matches and the replay gives the assessment\n"
    )
    return EXIT_OK


def _show(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import load_journal

    _no_stdin(args.file, "journal show")
    journal = load_journal(args.file)
    lines = [
        plain_line(
            f"{entry.seq} {entry.time} {entry.by}: {entry.describe()}; "
            f"reason: {entry.reason}"
        )
        for entry in journal.history(args.requirement)
    ]
    for problem in journal.problems:
        sys.stderr.write(f"goudenoor: warning: {plain_line(problem)}\n")
    write_output(args, out, "".join(line + "\n" for line in lines))
    return EXIT_OK
