"""
The words of the follow-up of findings in the languages of the reports:
the kinds, severities and statuses, in Dutch and English, for every output
that names them (the Markdown and HTML reports, the audit workbook's
report sheet). The kinds are the scheme's own Dutch terms in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, NamedTuple


__all__ = ["FINDING_TERMS", "FindingTerms"]


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
