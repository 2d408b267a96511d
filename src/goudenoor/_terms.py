"""
The words of the follow-up of findings and of the journal's changes in the
languages of the reports, in Dutch and English, for every output that
names them (the Markdown and HTML reports, the audit workbook's report
sheets): the kinds, severities and statuses of findings (the kinds are the
scheme's own Dutch terms in both), and each change of a journal as a row.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final, NamedTuple, Protocol


__all__ = [
    "CHANGE_TERMS",
    "FINDING_TERMS",
    "ChangeRow",
    "ChangeTerms",
    "FindingTerms",
    "change_rows",
]


def __dir__() -> list[str]:
    return __all__


class FindingTerms(NamedTuple):
    """
    The words of findings in one language.
    """

    kinds: Mapping[str, str]
    severities: Mapping[str, str]
    statuses: Mapping[str, str]


FINDING_TERMS: Final[Mapping[str, FindingTerms]] = {
    "nl": FindingTerms(
        kinds={
            "afwijking": "afwijking",
            "verbeterpunt": "verbeterpunt",
            "observatie": "observatie",
            "sterk-punt": "sterk punt",
        },
        severities={"major": "groot", "minor": "klein"},
        statuses={
            "open": "open",
            "planned": "gepland",
            "implemented": "uitgevoerd",
            "verified": "geverifieerd",
        },
    ),
    "en": FindingTerms(
        kinds={
            "afwijking": "afwijking",
            "verbeterpunt": "verbeterpunt",
            "observatie": "observatie",
            "sterk-punt": "sterk-punt",
        },
        severities={"major": "major", "minor": "minor"},
        statuses={
            "open": "open",
            "planned": "planned",
            "implemented": "implemented",
            "verified": "verified",
        },
    ),
}
"""The words of findings, by language."""


class ChangeTerms(NamedTuple):
    """
    The words of a journal's changes in one language.
    """

    last_change: str
    heading: str  # also the name of the workbook's sheet of changes
    intro: str
    empty: str
    header: tuple[str, ...]
    kinds: Mapping[str, str]
    fields: Mapping[str, str]


CHANGE_TERMS: Final[Mapping[str, ChangeTerms]] = {
    "nl": ChangeTerms(
        last_change="Laatste wijziging",
        heading="Wijzigingen",
        intro="Elke wijziging van het journaal, in volgorde (tijden in UTC).",
        empty="Het journaal heeft nog geen wijzigingen.",
        header=("Nr.", "Tijd", "Door", "Wat", "Oud → nieuw", "Reden"),
        kinds={"requirement": "eis", "finding": "bevinding"},
        fields={
            "value": "waarde",
            "not_applicable": "n.v.t.",
            "note": "notitie",
            "evidence": "bewijs",
            "status": "status",
        },
    ),
    "en": ChangeTerms(
        last_change="Last change",
        heading="Changes",
        intro="Every change in the journal, in order (times in UTC).",
        empty="The journal has no changes yet.",
        header=("No.", "Time", "By", "What", "Old → new", "Reason"),
        kinds={"requirement": "requirement", "finding": "finding"},
        fields={
            "value": "value",
            "not_applicable": "n/a",
            "note": "note",
            "evidence": "evidence",
            "status": "status",
        },
    ),
}
"""The words of a journal's changes, by language."""


class _Change(Protocol):
    # The parts of a goudenoor.audit.JournalEntry a row shows (this module
    # sits below the domain, so it names them instead of importing it).
    @property
    def seq(self) -> int: ...
    @property
    def time(self) -> str: ...
    @property
    def by(self) -> str: ...
    @property
    def target(self) -> tuple[str, str]: ...
    @property
    def field(self) -> str: ...
    @property
    def old(self) -> Any: ...
    @property
    def new(self) -> Any: ...
    @property
    def reason(self) -> str: ...


class ChangeRow(NamedTuple):
    """
    One change of a journal, as text (user text not yet escaped for the
    output it goes to).
    """

    seq: int
    time: str
    by: str
    what: str
    old: str
    new: str
    reason: str


def _time(time: str) -> str:
    """``2026-03-01T09:30:00.000000Z`` as ``2026-03-01 09:30:00``."""
    return f"{time[:10]} {time[11:19]}"


def _shown(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return f"{value:g}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def change_rows(entries: Sequence[_Change], terms: ChangeTerms) -> list[ChangeRow]:
    """
    The rows of a list of changes: every entry, in the journal's order.
    """
    rows = []
    for entry in entries:
        kind, key = entry.target
        rows.append(
            ChangeRow(
                seq=entry.seq,
                time=_time(entry.time),
                by=entry.by,
                what=f"{terms.kinds[kind]} {key} {terms.fields[entry.field]}",
                old=_shown(entry.old),
                new=_shown(entry.new),
                reason=entry.reason,
            )
        )
    return rows
