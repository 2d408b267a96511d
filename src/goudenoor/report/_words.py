"""
The words around the standard's texts in a report, in Dutch or English.

The standard's own texts (area names, requirement texts, level names, scale
labels) are Dutch and are never changed here; this is the report's chrome:
headings, labels, kinds, statuses and the sentences of warnings, gaps and
risks. Sentences are built from the structured fields of the score card, so
the scoring layer keeps its one (English) message and the report can still
speak Dutch.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from goudenoor._terms import FINDING_TERMS
from goudenoor.report._language import in_language


if TYPE_CHECKING:
    # For the annotations only: the words are looked up by every command
    # that prints (LANGUAGES), which need not import the comparison,
    # migration and graph modules these classes come with.
    from goudenoor.audit import (
        Comparison,
        ComparisonNote,
        Evidence,
        Gap,
        Risk,
        ScoreCard,
        ScoreWarning,
    )


__all__ = ["LANGUAGES", "FindingWords", "Words", "finding_words", "words"]


@attrs.frozen(kw_only=True)
class Words:
    """
    The fixed words of a report in one language.
    """

    language: str
    title: str
    edition: str
    audit_date: str
    auditors: str
    unit: str
    extensions: str
    scale_method_scheme: str
    evidence_policy: str
    translation: str
    translation_note: str
    points_per_area: str
    area: str
    kind: str
    points: str
    maximum: str
    share: str
    organisation: str
    result: str
    total: str
    radar_caption: str
    radar_label: str
    bars_caption: str
    bars_label: str
    points_axis: str
    recognition: str
    level: str
    next_level: str
    which_needs: str
    no_level: str
    highest_level: str
    comparison: str
    old: str
    new: str
    change: str
    changed_requirements: str
    from_sources: str
    """Before the old requirements a new one was matched with: ``uit``."""
    effects: tuple[str, str, str]
    """The header of an area's change split in two: area, edition, ratings."""
    points_change: str
    no_requirement_changed: str
    note: str
    improvements: str
    requirement: str
    points_gained: str
    text: str
    risks: str
    risks_intro: str
    weak_drivers: str
    warnings: str
    ratings: str
    rating_id: str
    rating: str
    evidence_and_notes: str
    checkpoints_met: str
    review: str
    not_applicable: str
    unrated: str
    expired: str
    valid_until: str
    generated: str
    page: str
    kinds: dict[str, str]
    statuses: dict[str, str]
    evidence_kinds: dict[str, str]
    change_kinds: dict[str, str]
    scopes: dict[str, str]

    def of(self, table: dict[str, str], key: str) -> str:
        """
        *key* in this language from *table*, or *key* itself if the table
        does not know it.
        """
        return table.get(key, key)

    def gap(self, gap: Gap) -> str:
        """
        One unmet condition of the next level, as a sentence.
        """
        if self.language == "en":
            return str(gap)
        where = (
            f"gebied {gap.area_id}" if gap.area_id else self.of(self.scopes, gap.scope)
        )
        if gap.unit == "points":
            return (
                f"{where}: {gap.actual:.2f} punten, nodig {gap.required:g} "
                f"({gap.shortfall:.2f} tekort)"
            )
        return (
            f"{where}: {gap.actual:.0%}, nodig {gap.required:.0%} "
            f"({gap.shortfall:.0%} tekort)"
        )

    def risk(self, risk: Risk) -> str:
        """
        One result area at risk, as a line.
        """
        if self.language == "en":
            return str(risk)
        weak = ", ".join(f"{a} ({f:.0%})" for a, f in risk.weak_drivers)
        return (
            f"{risk.area_id} {risk.name} ({risk.fraction:.0%}): "
            f"{self.weak_drivers} {weak}"
        )

    def warnings_of(self, card: ScoreCard) -> list[tuple[ScoreWarning, str, str]]:
        """
        Each warning of *card* with its kind and message in this language.

        English keeps the scoring layer's own code and message; Dutch is
        built from the warning's code and the rating it concerns. A code
        this table does not know keeps its scoring message.
        """
        if self.language == "en":
            return [(w, w.code, w.message) for w in card.warnings]
        expired = _ExpiredEvidence(card)
        return [
            (w, self.of(self.statuses, w.code), self._warning(card, w, expired))
            for w in card.warnings
        ]

    def _warning(
        self, card: ScoreCard, warning: ScoreWarning, expired: _ExpiredEvidence
    ) -> str:
        rating = card.assessment.ratings.get(warning.requirement_id)
        evidence_from = card.scale.evidence_from
        threshold = f"{evidence_from:g}" if evidence_from is not None else ""
        code = warning.code
        if code == "unrated":
            return "telt als 0"
        if code == "not-applicable":
            justification = (rating.justification or "") if rating else ""
            return f"buiten het gebied gelaten: {justification}"
        if code == "missing-evidence":
            return f"beoordeeld met {threshold} of hoger zonder geldig bewijs"
        if code == "capped":
            return (
                f"beoordeeld met {threshold} of hoger zonder geldig bewijs; "
                "afgetopt door het strikte bewijsbeleid"
            )
        if code == "expired-evidence":
            found = expired.next(warning.requirement_id)
            if found is not None and found.valid_until is not None:
                return (
                    f"bewijs {found.reference!r} verlopen op "
                    f"{found.valid_until.isoformat()}, vóór de auditdatum "
                    f"{card.assessment.date.isoformat()}"
                )
        return warning.message

    def comparison_notes(self, comparison: Comparison) -> list[str]:
        """
        What a reader of the comparison should know, in this language.
        """
        if self.language == "en":
            return list(comparison.warnings)
        return [_dutch_note(note) for note in comparison.notes]


_DUTCH_DIFFERS = {
    "edition": "de editie",
    "scheme": "het erkenningsschema",
    "method": "de scoringsmethode",
    "scale": "de schaal",
}


def _eenheid(unit: str | None) -> str:
    return "geen eenheid" if unit is None else repr(unit)


def _dutch_note(note: ComparisonNote) -> str:
    if note.code == "organisation":
        return (
            f"de audits gaan over verschillende organisaties: "
            f"{note.old!r} en {note.new!r}"
        )
    if note.code == "unit":
        return (
            f"de audits gaan over verschillende eenheden: {_eenheid(note.old)} en "
            f"{_eenheid(note.new)}"
        )
    if note.code == "date":
        return (
            f"de nieuwe audit ({note.new}) is eerder gedateerd dan de oude ({note.old})"
        )
    if note.code == "matched-by-id":
        return "eisen over de edities heen op nummer gekoppeld"
    return f"{_DUTCH_DIFFERS[note.code]} verschilt: eerst {note.old}, dan {note.new}"


class _ExpiredEvidence:
    """
    The expired evidence of each rating, in the order scoring warns of it.
    """

    def __init__(self, card: ScoreCard) -> None:
        self._card = card
        self._left: dict[str, Iterator[Evidence]] = {}

    def next(self, requirement_id: str) -> Evidence | None:
        if requirement_id not in self._left:
            rating = self._card.assessment.ratings.get(requirement_id)
            date = self._card.assessment.date
            self._left[requirement_id] = iter(
                [
                    e
                    for e in (rating.evidence if rating else ())
                    if e.valid_until is not None and e.valid_until < date
                ]
            )
        return next(self._left[requirement_id], None)


_DUTCH = Words(
    language="nl",
    title="Gouden Oor-audit",
    edition="Editie",
    audit_date="Auditdatum",
    auditors="Auditoren",
    unit="Eenheid",
    extensions="Uitbreidingen",
    scale_method_scheme="Schaal / methode / schema",
    evidence_policy="bewijsbeleid",
    translation="Vertaling",
    translation_note="onder de eigen tekst van de standaard, die de geldende is",
    points_per_area="Punten per gebied",
    area="Gebied",
    kind="Soort",
    points="Punten",
    maximum="Maximum",
    share="Aandeel",
    organisation="Organisatie",
    result="Resultaat",
    total="Totaal",
    radar_caption="Aandeel van de punten per gebied",
    radar_label="Radardiagram van het aandeel van de punten per gebied",
    bars_caption="Behaalde punten tegenover het maximum per gebied",
    bars_label="Staafdiagram van de punten tegenover het maximum",
    points_axis="punten",
    recognition="Erkenning",
    level="Niveau",
    next_level="Volgend niveau",
    which_needs="waarvoor nodig is",
    no_level="geen",
    highest_level="Dit is het hoogste niveau van het schema.",
    comparison="Verandering sinds de vorige audit",
    old="Oud",
    new="Nieuw",
    change="Verschil",
    changed_requirements="Eisen die veranderd zijn",
    from_sources="uit",
    effects=("verandering per gebied door", "editie", "oordeel"),
    points_change="Verschil in punten",
    no_requirement_changed="Geen enkele eis is veranderd.",
    note="Let op",
    improvements="Verbeteringen die het meest opleveren",
    requirement="Eis",
    points_gained="Extra punten",
    text="Tekst",
    risks="Resultaten in gevaar",
    risks_intro=(
        "Resultaatgebieden met een sturend organisatiegebied onder {threshold} "
        "van zijn punten (de sturing is het model van deze bibliotheek, geen "
        "onderdeel van de standaard):"
    ),
    weak_drivers="zwakke sturende gebieden",
    warnings="Waarschuwingen",
    ratings="Beoordelingen en bewijs",
    rating_id="Nr.",
    rating="Beoordeling",
    evidence_and_notes="Bewijs en opmerkingen",
    checkpoints_met="controlepunten voldaan",
    review="te herbeoordelen",
    not_applicable="n.v.t.",
    unrated="niet beoordeeld",
    expired="verlopen",
    valid_until="geldig tot",
    generated="Gemaakt met goudenoor {version} op {date}",
    page="pagina",
    kinds={"organisation": "organisatie", "result": "resultaat"},
    statuses={
        "rated": "beoordeeld",
        "unrated": "niet beoordeeld",
        "not-applicable": "niet van toepassing",
        "missing-evidence": "bewijs ontbreekt",
        "capped": "afgetopt",
        "expired-evidence": "bewijs verlopen",
    },
    evidence_kinds={
        "document": "document",
        "interview": "interview",
        "observation": "waarneming",
        "measurement": "meting",
        "sample": "steekproef",
        "other": "overig",
    },
    change_kinds={
        "changed": "veranderd",
        "added": "toegevoegd",
        "dropped": "vervallen",
    },
    scopes={
        "organisation": "organisatie",
        "result": "resultaat",
        "total": "totaal",
    },
)

_ENGLISH = Words(
    language="en",
    title="Gouden Oor audit",
    edition="Edition",
    audit_date="Audit date",
    auditors="Auditors",
    unit="Unit",
    extensions="Extensions",
    scale_method_scheme="Scale / method / scheme",
    evidence_policy="evidence policy",
    translation="Translation",
    translation_note="under the standard's own text, which is the one that counts",
    points_per_area="Points per area",
    area="Area",
    kind="Kind",
    points="Points",
    maximum="Maximum",
    share="Share",
    organisation="Organisation",
    result="Result",
    total="Total",
    radar_caption="Share of each area's points (the nine area fractions)",
    radar_label="Radar chart of the share of each area's points",
    bars_caption="Points earned against the maximum per area",
    bars_label="Bar chart of the points against the maximum",
    points_axis="points",
    recognition="Recognition",
    level="Level",
    next_level="Next level",
    which_needs="which needs",
    no_level="none",
    highest_level="This is the highest level of the scheme.",
    comparison="Change since the previous audit",
    old="Old",
    new="New",
    change="Change",
    changed_requirements="Requirements that changed",
    from_sources="from",
    effects=("area change from", "edition", "ratings"),
    points_change="Points change",
    no_requirement_changed="No requirement changed.",
    note="Note",
    improvements="Improvements that gain most",
    requirement="Requirement",
    points_gained="Points gained",
    text="Text",
    risks="Results at risk",
    risks_intro=(
        "Result areas with a driving organisation area below {threshold} of its "
        "points (the drivers are this library's model, not part of the standard):"
    ),
    weak_drivers="weak drivers",
    warnings="Warnings",
    ratings="Ratings and evidence",
    rating_id="Id",
    rating="Rating",
    evidence_and_notes="Evidence and notes",
    checkpoints_met="checkpoints met",
    review="to review",
    not_applicable="n.v.t.",
    unrated="unrated",
    expired="expired",
    valid_until="valid until",
    generated="Generated by goudenoor {version} on {date}",
    page="page",
    kinds={},
    statuses={},
    evidence_kinds={},
    change_kinds={},
    scopes={},
)

_BY_LANGUAGE = {"nl": _DUTCH, "en": _ENGLISH}

LANGUAGES: tuple[str, ...] = tuple(_BY_LANGUAGE)
"""The languages a report's own words come in; Dutch is the default."""


def words(language: str) -> Words:
    """
    The report's words in *language* (``nl`` or ``en``).

    Raises:
        UnknownItemError: Another language.
    """
    return in_language(_BY_LANGUAGE, language)


# Findings and the recognition over time (issue 25): the words of the
# findings section of the audit report, of ``goudenoor findings --format
# md`` and of the status page of a portfolio.


@attrs.frozen(kw_only=True)
class FindingWords:
    """
    The words about findings and recognitions in one language.
    """

    language: str
    findings: str
    """The heading of the findings section."""
    findings_title: str
    """The title of the findings page of one assessment."""
    as_of: str
    as_of_note: str
    """Under the heading: on which date the statuses are, and what overdue is."""
    counts: str
    kind_of_assessment: str
    id: str
    kind: str
    requirement: str
    deadline: str
    status: str
    text: str
    overdue: str
    """A finding past its deadline and not verified then: ``te laat``."""
    no_findings: str
    kinds: Mapping[str, str]
    severities: Mapping[str, str]
    statuses: Mapping[str, str]
    assessment_kinds: dict[str, str]
    status_title: str
    recognitions: str
    refused: str
    attention: str
    attention_note: str
    no_attention: str
    others: str
    organisation: str
    unit: str
    level: str
    state: str
    valid_until: str
    next_review: str
    open_findings: str
    overdue_findings: str
    reasons: str
    review_due: str
    """A review due within the page's window: ``review uiterlijk op {date}``."""
    states: dict[str, str]
    reason_texts: dict[str, str]
    """Each reason code's sentence, with ``{date}``, ``{finding}``, ``{level}``."""

    def of(self, table: Mapping[str, str], key: str) -> str:
        """
        *key* in this language from *table*, or *key* itself if the table
        does not know it.
        """
        return table.get(key, key)

    def finding_kind(self, kind: str, severity: str | None) -> str:
        """
        A finding's kind, with the severity of an afwijking.
        """
        name = self.of(self.kinds, kind)
        return (
            name
            if severity is None
            else f"{name} ({self.of(self.severities, severity)})"
        )

    def reason(
        self,
        code: str,
        date: datetime.date | None,
        finding: str | None,
        level: str | None,
    ) -> str:
        """
        A :class:`~goudenoor.audit.StatusReason` (by its fields) as a
        sentence in this language.
        """
        return self.reason_texts[code].format(
            date=date.isoformat() if date else "",
            finding=finding or "",
            level=level or "",
        )


_DUTCH_FINDINGS = FindingWords(
    language="nl",
    findings="Bevindingen",
    findings_title="Bevindingen",
    as_of="Peildatum",
    as_of_note=(
        "De stand van elke bevinding op {date}; te laat: de termijn is "
        "verstreken en de bevinding was toen niet geverifieerd."
    ),
    counts="Bevindingen: {count}; open: {open}; te laat: {overdue}.",
    kind_of_assessment="Soort beoordeling",
    id="Nr.",
    kind="Soort",
    requirement="Eis",
    deadline="Termijn",
    status="Status",
    text="Bevinding",
    overdue="te laat",
    no_findings="Geen bevindingen.",
    kinds=FINDING_TERMS["nl"].kinds,
    severities=FINDING_TERMS["nl"].severities,
    statuses=FINDING_TERMS["nl"].statuses,
    assessment_kinds={"audit": "audit", "review": "review", "self": "zelfevaluatie"},
    status_title="Stand van de erkenningen",
    recognitions="Erkenningen",
    refused="Geweigerde bestanden",
    attention="Vraagt aandacht",
    attention_note=(
        "Geschorst, voorwaardelijk of binnen {days} dagen na de peildatum toe "
        "aan een review."
    ),
    no_attention="Geen erkenning vraagt aandacht.",
    others="Overige erkenningen",
    organisation="Organisatie",
    unit="Eenheid",
    level="Niveau",
    state="Stand",
    valid_until="Geldig tot",
    next_review="Volgende review",
    open_findings="Open",
    overdue_findings="Te laat",
    reasons="Redenen",
    review_due="review uiterlijk op {date}",
    states={
        "none": "geen",
        "valid": "geldig",
        "conditional": "voorwaardelijk",
        "suspended": "geschorst",
        "expired": "verlopen",
    },
    reason_texts={
        "no-audit": "geen audit op of voor de peildatum",
        "no-level": "de audit van {date} kende geen niveau toe",
        "granted": "{level} toegekend bij de audit van {date}",
        "expired": "de erkenning is verlopen na {date}",
        "review-overdue": "de review die uiterlijk op {date} moest plaatsvinden, "
        "is niet gehouden",
        "finding-overdue": "afwijking {finding} was niet geverifieerd op de "
        "termijn {date}",
        "finding-open": "afwijking {finding} staat open (termijn {date})",
    },
)

_ENGLISH_FINDINGS = FindingWords(
    language="en",
    findings="Findings",
    findings_title="Findings",
    as_of="As of",
    as_of_note=(
        "Each finding as it stands on {date}; overdue: past its deadline and "
        "not verified by then."
    ),
    counts="Findings: {count}; open: {open}; overdue: {overdue}.",
    kind_of_assessment="Kind of assessment",
    id="Id",
    kind="Kind",
    requirement="Requirement",
    deadline="Deadline",
    status="Status",
    text="Finding",
    overdue="overdue",
    no_findings="No findings.",
    kinds=FINDING_TERMS["en"].kinds,
    severities=FINDING_TERMS["en"].severities,
    statuses=FINDING_TERMS["en"].statuses,
    assessment_kinds={"self": "self-assessment"},
    status_title="Recognition status",
    recognitions="Recognitions",
    refused="Refused files",
    attention="Needs attention",
    attention_note=(
        "Suspended, conditional, or due for a review within {days} days of the date."
    ),
    no_attention="No recognition needs attention.",
    others="Other recognitions",
    organisation="Organisation",
    unit="Unit",
    level="Level",
    state="State",
    valid_until="Valid until",
    next_review="Next review",
    open_findings="Open",
    overdue_findings="Overdue",
    reasons="Reasons",
    review_due="review due by {date}",
    states={},
    reason_texts={
        "no-audit": "no audit by this date",
        "no-level": "the audit of {date} granted no level",
        "granted": "level {level} granted by the audit of {date}",
        "expired": "the recognition expired after {date}",
        "review-overdue": "the review due on {date} was not held",
        "finding-overdue": "afwijking {finding} was not verified by its deadline "
        "{date}",
        "finding-open": "afwijking {finding} is open (deadline {date})",
    },
)

_FINDINGS_BY_LANGUAGE = {"nl": _DUTCH_FINDINGS, "en": _ENGLISH_FINDINGS}


def finding_words(language: str) -> FindingWords:
    """
    The words about findings and recognitions in *language* (``nl`` or
    ``en``).

    Raises:
        UnknownItemError: Another language.
    """
    return in_language(_FINDINGS_BY_LANGUAGE, language)
