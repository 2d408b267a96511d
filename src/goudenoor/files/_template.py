"""
The ready-to-fill assessment template (YAML with the standard's texts as
comments).
"""

from __future__ import annotations

import datetime
import json
import textwrap
from collections.abc import Sequence

from goudenoor._text import json_text, plain_line
from goudenoor.exceptions import GoudenoorError
from goudenoor.standard import Area, Requirement, Standard


__all__ = [
    "SCHEMA_FILE",
    "assessment_template",
]


def __dir__() -> list[str]:
    return __all__


_WIDTH = 88

SCHEMA_FILE = "assessment.schema.json"
"""The schema the template's ``yaml-language-server`` line names: a path
relative to the template, where ``goudenoor schema assessment -o
assessment.schema.json`` writes it (offline, and the version that reads
the file)."""


def _scalar(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar; json_text writes
    # the controls a terminal acts on (bidirectional ones too) as escapes.
    return json_text(text, indent=None).rstrip("\n")


def _plain(text: str) -> str:
    # A comment has no escapes: a text shown in one is one line without
    # control characters (a line break would end the comment, and YAML
    # refuses most controls).
    return plain_line(text)


def _comment(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        _plain(text),
        width=_WIDTH,
        initial_indent=f"{indent}# {first or ''}",
        subsequent_indent=f"{indent}#   ",
        break_on_hyphens=False,
        break_long_words=False,
    )


def assessment_template(
    standard: Standard,
    *,
    organisation: str = "Naam van de organisatie",
    date: datetime.date | None = None,
    scale: str | None = None,
    extensions: Sequence[str] | None = None,
) -> str:
    """
    A YAML assessment file with every requirement of *standard* listed
    unrated, its text, evidence clause and checkpoints as comments.

    The unfilled template loads and scores 0, with one warning per
    unrated requirement.

    *extensions* is how the file names the extensions applied to
    *standard*, one per extension in its order: the name of an installed
    one, or the path of an extension file relative to where the template
    is written (so that the file scores without naming them again).
    Default: their ids, which name installed extensions.

    Raises:
        GoudenoorError: *extensions* does not name as many extensions as
            *standard* has.
    """
    named = list(standard.extensions if extensions is None else extensions)
    if len(named) != len(standard.extensions):
        raise GoudenoorError(
            f"extensions: {len(named)} names given for the "
            f"{len(standard.extensions)} extensions of the standard "
            f"({json.dumps(list(standard.extensions))}); expected one name each"
        )
    chosen = standard.scale(scale)
    legend = ", ".join(f"{level.value:g} {level.label}" for level in chosen.levels)
    when = (date or datetime.date.today()).isoformat()  # noqa: DTZ011 - a calendar date
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        f"# {_plain(standard.title)} ({standard.id}): audit template.",
        f"# Give each requirement a value on scale {chosen.id}:",
        *_comment(legend, "", ""),
    ]
    if chosen.evidence_from is not None:
        lines.append(
            f"# A value of {chosen.evidence_from:g} or more needs evidence "
            "(kind: document, interview, observation, measurement, sample or "
            "other)."
        )
    lines += [
        "# Not applicable: replace 'value:' by 'not_applicable: true' and a",
        "# 'justification:'. Short form: '\"1.3\": 2'. Leave a value empty to",
        "# keep it unrated (it counts as 0, with a warning).",
        "# Score it with: goudenoor score FILE",
        "# Editors check it against the schema named on the first line: write",
        f"# it next to this file with: goudenoor schema assessment -o {SCHEMA_FILE}",
        "# An audit moved from another edition ('goudenoor migrate') also has",
        "# 'migrated_from: {edition: ..., crosswalk: ...}': where it came from.",
        "# A site, team or department audited on its own: add 'unit: NAME' (the",
        "# units of one organisation are combined by: goudenoor rollup FILE...).",
        "goudenoor: assessment/1",
        f"edition: {standard.id}",
        f"organisation: {_scalar(organisation)}",
        f"date: {when}",
        f"scale: {chosen.id}",
        "auditors: []",
        f"extensions: {json.dumps(named)}",
        "ratings:",
    ]
    for area in standard.areas:
        lines += _area_lines(area)
    return "\n".join(lines) + "\n"


def _area_lines(area: Area) -> list[str]:
    heading = (
        f"{area.id} {_plain(area.name)} ({area.kind} area, {area.points:g} points)"
    )
    lines = ["", f"  # == {heading} =="]
    theme: str | None = None
    for requirement in area.requirements:
        if requirement.theme is not None and requirement.theme != theme:
            theme = requirement.theme
            lines.append(f"  # -- {_plain(theme)} --")
        lines += _requirement_lines(requirement)
    return lines


def _requirement_lines(requirement: Requirement) -> list[str]:
    lines = ["", *_comment(requirement.full_text, "  ", f"{requirement.id} ")]
    if requirement.evidence:
        lines += _comment(requirement.evidence, "  ", "  ")
    for checkpoint in requirement.checkpoints:
        lines += _comment(checkpoint.text, "  ", f"  [{checkpoint.id}] ")
    lines += [
        f"  {_scalar(requirement.id)}:",
        "    value:",
        "    evidence: []",
        "    checkpoints_met: []",
        "    note:",
    ]
    return lines
