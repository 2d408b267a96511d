"""
What the commands share: the exit codes, the parser class, the options
several commands take, reading their FILE arguments and writing their
output.
"""

from __future__ import annotations

import argparse
import datetime
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO, TypeAlias

from goudenoor._text import json_text, one_line
from goudenoor.audit import Audit, ScoreCard, score, scoring_methods
from goudenoor.exceptions import GoudenoorError
from goudenoor.files import (
    StandardsFound,
    load_standard,
    loads_audit,
    read_input,
)
from goudenoor.problems import close_matches, did_you_mean
from goudenoor.standard import Standard, is_file_reference


if TYPE_CHECKING:
    # Imported where an extension is named (--extension, or in the file).
    from goudenoor.standard import Extension, Translation

__all__ = [
    "EXIT_CODES",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "FILE_ARGUMENTS",
    "FINDINGS",
    "Commands",
    "Handler",
    "Parser",
    "add_as_of_option",
    "add_extension_option",
    "add_json_format_option",
    "add_language_option",
    "add_output_options",
    "add_scoring_options",
    "add_translation_options",
    "as_of",
    "check_stdin",
    "chosen_translation",
    "date_argument",
    "folder_of",
    "load_edition",
    "one_line_message",
    "read_audit",
    "read_audits",
    "read_extensions",
    "scored_card",
    "scoring_arguments",
    "write_json",
    "write_output",
]


def __dir__() -> list[str]:
    return __all__


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

EXIT_CODES: Final = {
    EXIT_OK: "success",
    EXIT_FINDINGS: "findings or refused files (each on standard error), only from:",
    EXIT_USAGE: "usage or unreadable input: a wrong option, an unknown choice, a "
    "file that cannot be read or used (one line 'goudenoor: error: ...' on "
    "standard error)",
}
"""The exit codes every command follows, and what each means."""

FINDINGS: Final = {
    "validate": "a file is not valid",
    "extensions": "an installed extension cannot be loaded",
    "portfolio": "a file was refused; the table of the rest is still written",
    "benchmark": "a peer file was refused; the rest are still ranked against",
    "status": "--fail-on suspended|overdue holds, or a file was refused",
    "evidence hash": "an evidence file is missing or changed (the rest are "
    "still recorded and written)",
    "evidence verify": "an evidence file is missing or changed",
    "journal verify": "the journal is not whole, its head is not the "
    "assessment's, or its replay is not the assessment",
    "sample verify": "the register or the selection differs from the sample's",
    "oscal import-results": "a part of the results does not map (each named on "
    "standard error; the assessment is still written)",
}
"""The commands that exit 1, and on what: every other exits 0 or 2."""

FILE_ARGUMENTS = (
    "file",
    "files",
    "old",
    "new",
    "self_assessment",
    "audit",
    "compare",
    "assessment",
    "translation",
    "crosswalk",
    "extension",
    "sample",
    "register",
    "results",
)
"""The destinations of the arguments that name a file to read (or ``-``)."""

Handler: TypeAlias = Callable[[argparse.Namespace, TextIO], int]
"""What a command runs: the parsed arguments and the output in, the exit code out."""


class Parser(argparse.ArgumentParser):
    """
    An argument parser that reports usage errors in one line, and a
    mistyped choice (a command, a format) with the close ones.
    """

    def _check_value(self, action: argparse.Action, value: object) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(choice) for choice in action.choices]
        listed = ", ".join(repr(choice) for choice in choices)
        message = f"invalid choice: {value!r} (choose from {listed})"
        suggestions = close_matches(str(value), choices)
        raise argparse.ArgumentError(action, message + did_you_mean(suggestions))

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE,
            f"goudenoor: error: {message} (see '{self.prog} --help')\n",
        )


Commands: TypeAlias = "argparse._SubParsersAction[Parser]"  # noqa: SLF001
"""The subparsers object each command group adds its commands to."""


def one_line_message(message: str) -> str:
    """
    *message* as written after ``goudenoor: error:``: its own lines are
    kept (indented), and control characters in them (from a file name,
    say) are not written to the terminal.
    """
    lines = [one_line(line) for line in message.splitlines()] or [""]
    return lines[0] + "".join(f"\n  {line.strip()}" for line in lines[1:])


# The options several commands take.


def add_json_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default) or JSON with a 'goudenoor' format marker",
    )


def add_scoring_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--method",
        default="weighted-mean",
        help=f"scoring method: {', '.join(scoring_methods())} (default: weighted-mean)",
    )
    parser.add_argument(
        "--scheme", default=None, help="recognition scheme id (default: the edition's)"
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        type=_parameter,
        help="a recognition scheme parameter, e.g. threshold=0.75 (repeatable)",
    )
    parser.add_argument(
        "--evidence-policy",
        choices=["warn", "strict"],
        default="warn",
        help="a high rating without evidence: warn (default) or cap it (strict)",
    )


def _parameter(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not sep or not name or not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"expected NAME=NUMBER, got {text!r}")
    return name, number


def add_translation_options(
    parser: argparse.ArgumentParser, *, report: bool = False
) -> None:
    language = parser.add_mutually_exclusive_group()
    help_text = (
        "also show each text in this language, from a shipped translation "
        "(see 'goudenoor editions'); the Dutch text stays the standard"
    )
    if report:
        help_text += (
            "; the report's own headings and labels are Dutch by default and in "
            "this language where the report speaks it (en); 'nl' shows no "
            "translation"
        )
    language.add_argument("--language", default=None, metavar="LANG", help=help_text)
    language.add_argument(
        "--translation",
        default=None,
        metavar="PATH",
        help="also show each text from this translation file (format "
        "translation/1), e.g. one that covers an extension ('-': stdin)",
    )


def add_extension_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--extension",
        action="append",
        default=[],
        metavar="NAME|PATH",
        help="apply a sector extension: an installed one by name, or a YAML "
        "file ('-': stdin) (repeatable, applied in order)",
    )


def add_language_option(parser: argparse.ArgumentParser, words: str) -> None:
    """
    ``--language nl|en``: the language of *words* (what the command writes
    in its own words), Dutch by default.
    """
    # Here, not at the top: the commands without the option (score) do
    # not define the report's words.
    from goudenoor.report import LANGUAGES

    parser.add_argument(
        "--language",
        choices=list(LANGUAGES),
        default="nl",
        help=f"the language of the {words} (default: nl)",
    )


def add_as_of_option(
    parser: argparse.ArgumentParser,
    what: str,
    default: str = "today, datetime.date.today()",
) -> None:
    """
    ``--as-of DATE``: the date *what* is on, *default* when not given
    (``args.as_of`` is then ``None``; :func:`as_of` makes it today).
    """
    parser.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="DATE",
        help=f"the date {what} on, YYYY-MM-DD (default: {default})",
    )


def as_of(args: argparse.Namespace) -> datetime.date:
    """
    The ``--as-of`` date, or today.
    """
    given: datetime.date | None = args.as_of
    return datetime.date.today() if given is None else given  # noqa: DTZ011 - the user's local day


def date_argument(text: str) -> datetime.date:
    """
    A date argument, YYYY-MM-DD (argparse's ``type``).
    """
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date YYYY-MM-DD, got {text!r}"
        ) from None


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", default=None, metavar="OUT", help="write to OUT, not stdout"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


# Every FILE argument of every command is read through read_input ("-" is
# standard input) and loaded from its text by the library's loads_*
# functions: the helpers below, one per kind of file.


def check_stdin(args: argparse.Namespace) -> None:
    """
    Refuse a command that names standard input (``-``) more than once: it
    can be read only once, so a second ``-`` could only be empty.
    """
    named: list[object] = []
    for name in FILE_ARGUMENTS:
        value = getattr(args, name, None)
        named += value if isinstance(value, list) else [value]
    if named.count("-") > 1:
        raise GoudenoorError(
            "standard input ('-') can be read only once: give it for one FILE "
            "argument, and files for the others"
        )


def folder_of(name: str) -> Path | None:
    """
    The folder a FILE argument's own references (an assessment's extension
    files) are relative to: standard input has none.
    """
    return None if name == "-" else Path(name).parent


def read_audit(
    name: str,
    *,
    standard: Standard | None = None,
    extensions: Sequence[Extension] = (),
    found: StandardsFound | None = None,
) -> Audit:
    """
    The assessment FILE argument *name* (``-``: standard input) with the
    Standard it was checked against: read once, resolved once (once for
    all the files of a command that share *found*).
    """
    source, text = read_input(name)
    return loads_audit(
        text,
        source=source,
        standard=standard,
        extensions=extensions,
        folder=folder_of(name),
        found=found,
    )


def read_audits(names: Sequence[str], extensions: Sequence[Extension]) -> list[Audit]:
    """
    The assessment FILE arguments *names*, each read once, and each
    extension file they share read once.
    """
    found: StandardsFound = {}
    return [read_audit(name, extensions=extensions, found=found) for name in names]


def _read_extension(reference: str) -> Extension:
    """
    ``--extension``: a file (``-``: standard input), or an installed
    extension by name.
    """
    from goudenoor.files import load_extension, loads_extension

    if reference == "-" or is_file_reference(reference):
        # Only a regular file: a named pipe would make the command wait.
        source, text = read_input(reference, regular_only=True)
        return loads_extension(text, source=source)
    return load_extension(reference)


def read_extensions(references: list[str]) -> list[Extension]:
    return [_read_extension(reference) for reference in references]


def load_edition(edition: str | None, references: list[str]) -> Standard:
    """
    The edition (default: the newest) with the ``--extension`` options
    applied.
    """
    standard = load_standard(edition)
    if not references:
        return standard
    from goudenoor.standard import apply_extension

    return apply_extension(standard, *read_extensions(references))


def chosen_translation(
    args: argparse.Namespace, standard: Standard
) -> Translation | None:
    """
    The translation ``--translation PATH`` or ``--language LANG`` names,
    if any.
    """
    from goudenoor.files import load_translation, loads_translation

    if args.translation is not None:
        source, text = read_input(args.translation)
        return loads_translation(text, source=source, standard=standard)
    if args.language is not None:
        return load_translation(standard.id, args.language)
    return None


def scoring_arguments(args: argparse.Namespace) -> dict[str, Any]:
    """
    The scoring options (see :func:`add_scoring_options`) as the keyword
    arguments of ``score``.
    """
    return {
        "method": args.method,
        "scheme": args.scheme,
        "parameters": dict(args.param),
        "evidence_policy": args.evidence_policy,
    }


def scored_card(
    args: argparse.Namespace, file: str, extensions: Sequence[Extension]
) -> ScoreCard:
    """
    The assessment *file* scored against its edition (with *extensions*),
    with the scoring options.
    """
    return score(read_audit(file, extensions=extensions), **scoring_arguments(args))


# Writing the output.


def write_output(args: argparse.Namespace, out: TextIO, text: str) -> None:
    """
    *text* to ``-o OUT`` (atomically; an existing OUT only with
    ``--force``), or to *out*.
    """
    if args.output is None:
        out.write(text)
    else:
        from goudenoor.files import write_text_atomic

        write_text_atomic(args.output, text, overwrite=args.force)


def write_json(out: TextIO, kind: str, data: dict[str, object]) -> None:
    marked = {"goudenoor": kind, **data}
    out.write(json_text(marked))
