"""
What a report shows of an assessment's journal: per requirement the last
change (who, when, why), and the appendix of every change, in the
report's language (Dutch by default). The Markdown and HTML reports
render it from :func:`last_changes` and :func:`change_rows`; the words and
the rows are shared with the audit workbook's sheet of changes
(:mod:`goudenoor._terms`).
"""

from __future__ import annotations

from goudenoor._terms import CHANGE_TERMS, ChangeRow, ChangeTerms, change_rows
from goudenoor.audit import Journal, JournalEntry
from goudenoor.report._language import in_language


__all__ = ["ChangeRow", "ChangeTerms", "change_rows", "change_words", "last_changes"]


def __dir__() -> list[str]:
    return __all__


def change_words(language: str) -> ChangeTerms:
    """
    The words in *language*.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    return in_language(CHANGE_TERMS, language)


def last_changes(journal: Journal) -> dict[str, JournalEntry]:
    """
    Requirement id to the last entry of the journal that changed it.
    """
    found: dict[str, JournalEntry] = {}
    for entry in journal.entries:
        if entry.requirement is not None:
            found[entry.requirement] = entry
    return found
