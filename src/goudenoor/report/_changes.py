"""
What a report shows of an assessment's journal: per requirement the last
change (who, when, why), and the appendix of every change, in the
report's language (Dutch by default). The Markdown and HTML reports
render it from :func:`last_changes` and :func:`change_rows`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from goudenoor.audit import Journal, JournalEntry
from goudenoor.report._language import in_language


__all__ = ["ChangeRow", "ChangeWords", "change_rows", "change_words", "last_changes"]


def __dir__() -> list[str]:
    return __all__


@attrs.frozen(kw_only=True)
class ChangeWords:
    """
    The words of the journal's parts of a report.
    """

    last_change: str
    heading: str
    intro: str
    empty: str
    header: tuple[str, ...]
    kinds: Mapping[str, str]
    fields: Mapping[str, str]


_DUTCH = ChangeWords(
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
)

_ENGLISH = ChangeWords(
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
)

_BY_LANGUAGE = {"nl": _DUTCH, "en": _ENGLISH}


def change_words(language: str) -> ChangeWords:
    """
    The words in *language*.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    return in_language(_BY_LANGUAGE, language)


@attrs.frozen(kw_only=True)
class ChangeRow:
    """
    One change of the appendix, as text (user text not yet escaped).
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


def last_changes(journal: Journal) -> dict[str, JournalEntry]:
    """
    Requirement id to the last entry of the journal that changed it.
    """
    found: dict[str, JournalEntry] = {}
    for entry in journal.entries:
        if entry.requirement is not None:
            found[entry.requirement] = entry
    return found


def change_rows(entries: Sequence[JournalEntry], w: ChangeWords) -> list[ChangeRow]:
    """
    The appendix's rows: every entry, in the journal's order.
    """
    rows = []
    for entry in entries:
        kind, key = entry.target
        rows.append(
            ChangeRow(
                seq=entry.seq,
                time=_time(entry.time),
                by=entry.by,
                what=f"{w.kinds[kind]} {key} {w.fields[entry.field]}",
                old=_shown(entry.old),
                new=_shown(entry.new),
                reason=entry.reason,
            )
        )
    return rows
