"""
A calibration as the reports show it (``goudenoor calibrate --format md``
or ``html``): how far the self-assessment sits from the audit, per area,
per requirement, the over-claims and the not-applicable disagreements.
Dutch by default, English on request; the words are beside the
renderers, here.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from goudenoor._text import markdown_text
from goudenoor.audit import Calibration, NotApplicableDisagreement, OverClaim
from goudenoor.report._language import in_language


__all__ = ["CalibrationWords", "calibration_html", "calibration_markdown"]


def __dir__() -> list[str]:
    return __all__


@attrs.frozen(kw_only=True)
class CalibrationWords:
    """
    The words of the calibration report in one language.

    ``{...}`` marks a place a value is filled in.
    """

    title: str
    organisation: str
    unit: str
    edition: str
    self_assessment: str
    audit: str
    scale: str
    compared: str
    mean_steps: str
    alpha: str
    undefined: str
    alpha_note: str
    areas: str
    area: str
    steps: str
    points: str
    self_points: str
    audit_points: str
    steps_note: str
    differences: str
    requirement: str
    self_value: str
    audit_value: str
    no_differences: str
    over_claims: str
    reason: str
    no_over_claims: str
    claimed_steps: str
    claimed_checkpoints: str
    not_applicable: str
    not_applicable_in_self: str
    not_applicable_in_audit: str
    generated: str


_DUTCH = CalibrationWords(
    title="Kalibratie van de zelfevaluatie",
    organisation="Organisatie",
    unit="Onderdeel",
    edition="Editie",
    self_assessment="Zelfevaluatie",
    audit="Audit",
    scale="Schaal",
    compared="Vergeleken eisen",
    mean_steps="Gemiddeld verschil (stappen)",
    alpha="Krippendorffs alfa (ordinaal)",
    undefined="niet bepaald",
    alpha_note="Alfa is niet bepaald als geen eis door beide is beoordeeld, of als "
    "alle waarden gelijk zijn.",
    areas="Per gebied",
    area="Gebied",
    steps="Verschil (stappen)",
    points="Verschil (punten)",
    self_points="Punten zelfevaluatie",
    audit_points="Punten audit",
    steps_note="Verschil = zelfevaluatie min auditor, in stappen op de schaal "
    "(van de ene waarde naar de volgende), over de eisen die beide beoordeelden.",
    differences="Verschillen per eis",
    requirement="Eis",
    self_value="Zelfevaluatie",
    audit_value="Auditor",
    no_differences="Geen verschillen: elke eis die beide beoordeelden, kreeg "
    "dezelfde waarde.",
    over_claims="Overschattingen",
    reason="Waarom",
    no_over_claims="Geen overschattingen.",
    claimed_steps="{steps} stappen boven de auditor",
    claimed_checkpoints="controlepunten als behaald opgegeven, door de auditor "
    "niet behaald bevonden: {checkpoints}",
    not_applicable="Niet van toepassing aan één kant",
    not_applicable_in_self="niet van toepassing volgens de zelfevaluatie, "
    "{value} in de audit",
    not_applicable_in_audit="niet van toepassing volgens de audit, {value} in de "
    "zelfevaluatie",
    generated="Gemaakt met goudenoor {version} op {date}",
)

_ENGLISH = CalibrationWords(
    title="Calibration of the self-assessment",
    organisation="Organisation",
    unit="Unit",
    edition="Edition",
    self_assessment="Self-assessment",
    audit="Audit",
    scale="Scale",
    compared="Requirements compared",
    mean_steps="Mean difference (steps)",
    alpha="Krippendorff's alpha (ordinal)",
    undefined="undefined",
    alpha_note="Alpha is undefined when no requirement was rated by both, or "
    "when every value is the same.",
    areas="Per area",
    area="Area",
    steps="Difference (steps)",
    points="Difference (points)",
    self_points="Self-assessment points",
    audit_points="Audit points",
    steps_note="Difference = self-assessment minus auditor, in steps on the scale "
    "(from one value to the next), over the requirements both rated.",
    differences="Differences per requirement",
    requirement="Requirement",
    self_value="Self-assessment",
    audit_value="Auditor",
    no_differences="No differences: every requirement both rated got the same value.",
    over_claims="Over-claims",
    reason="Why",
    no_over_claims="No over-claims.",
    claimed_steps="{steps} steps above the auditor",
    claimed_checkpoints="checkpoints claimed met that the auditor did not find "
    "met: {checkpoints}",
    not_applicable="Not applicable on one side only",
    not_applicable_in_self="not applicable in the self-assessment, {value} in the "
    "audit",
    not_applicable_in_audit="not applicable in the audit, {value} in the "
    "self-assessment",
    generated="Made with goudenoor {version} on {date}",
)

_BY_LANGUAGE = {"nl": _DUTCH, "en": _ENGLISH}


def _words(language: str) -> CalibrationWords:
    return in_language(_BY_LANGUAGE, language)


def _signed(value: float | None, w: CalibrationWords) -> str:
    return w.undefined if value is None else f"{value:+.2f}"


def _alpha(calibration: Calibration, w: CalibrationWords) -> str:
    return w.undefined if calibration.alpha is None else f"{calibration.alpha:.3f}"


def _reason(claim: OverClaim, w: CalibrationWords) -> str:
    reasons = []
    if "steps" in claim.rules:
        reasons.append(w.claimed_steps.format(steps=claim.steps))
    if "checkpoints" in claim.rules:
        reasons.append(
            w.claimed_checkpoints.format(checkpoints=", ".join(claim.checkpoints))
        )
    return "; ".join(reasons)


def _one_sided(item: NotApplicableDisagreement, w: CalibrationWords) -> str:
    words = (
        w.not_applicable_in_self
        if item.not_applicable_in == "self"
        else w.not_applicable_in_audit
    )
    return words.format(value=f"{item.value:g}")


def _meta(calibration: Calibration, w: CalibrationWords) -> list[tuple[str, str]]:
    own = calibration.self_card.assessment
    found = calibration.audit_card.assessment
    meta = [(w.organisation, found.organisation)]
    if found.unit is not None:
        meta.append((w.unit, found.unit))
    meta += [
        (w.edition, calibration.standard.label),
        (w.self_assessment, own.date.isoformat()),
        (w.audit, found.date.isoformat()),
        (w.scale, calibration.scale.id),
        (w.compared, str(calibration.compared)),
        (w.mean_steps, _signed(calibration.mean_steps, w)),
        (w.alpha, _alpha(calibration, w)),
    ]
    return meta


def calibration_markdown(calibration: Calibration, language: str = "nl") -> str:
    """
    *calibration* as Markdown: the header (organisation, dates, alpha),
    the table per area, the differences per requirement (largest first),
    the over-claims and the not-applicable disagreements. Dutch by
    default, or English.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    w = _words(language)
    lines = [f"# {w.title}", ""]
    lines += [
        f"- **{key}:** {markdown_text(value)}" for key, value in _meta(calibration, w)
    ]
    lines += ["", w.alpha_note, "", f"## {w.areas}", "", w.steps_note, ""]
    lines += [
        f"| {w.area} | {w.compared} | {w.steps} | {w.points} |",
        "|---|--:|--:|--:|",
    ]
    lines += [
        f"| {markdown_text(f'{a.area_id} {a.name}')} | {a.compared} | "
        f"{_signed(a.mean_steps, w)} | {a.points:+.2f} |"
        for a in calibration.areas
    ]
    lines += ["", f"## {w.differences}", ""]
    differing = [r for r in calibration.requirements if r.steps]
    if differing:
        lines += [
            f"| {w.requirement} | {w.self_value} | {w.audit_value} | {w.steps} |",
            "|---|--:|--:|--:|",
        ]
        lines += [
            f"| {markdown_text(r.requirement_id)} | {r.self_value:g} | "
            f"{r.audit_value:g} | {r.steps:+d} |"
            for r in differing
        ]
    else:
        lines.append(w.no_differences)
    lines += ["", f"## {w.over_claims}", ""]
    if calibration.over_claims:
        lines += [f"| {w.requirement} | {w.reason} |", "|---|---|"]
        lines += [
            f"| {markdown_text(o.requirement_id)} | {markdown_text(_reason(o, w))} |"
            for o in calibration.over_claims
        ]
    else:
        lines.append(w.no_over_claims)
    if calibration.not_applicable:
        lines += ["", f"## {w.not_applicable}", ""]
        lines += [
            f"- {markdown_text(d.requirement_id)}: {markdown_text(_one_sided(d, w))}"
            for d in calibration.not_applicable
        ]
    return "\n".join(lines) + "\n"


def calibration_html(
    calibration: Calibration,
    language: str = "nl",
    *,
    generated: datetime.date | None = None,
) -> str:
    """
    *calibration* as one self-contained HTML page, with the same parts as
    :func:`calibration_markdown`.

    Args:
        calibration: The calibration.
        language: The words: ``nl`` (default) or ``en``.
        generated: The date in the footer; by default the date of
            ``SOURCE_DATE_EPOCH`` if that is set, else today.

    Raises:
        MissingExtraError: jinja2 or matplotlib is not installed.
        UnknownItemError: A language other than ``nl`` or ``en``.
        GoudenoorError: ``SOURCE_DATE_EPOCH`` is not a whole number.
    """
    from importlib.metadata import version

    from goudenoor.report._html import report_date, require_extra, templates

    require_extra("the HTML calibration report")
    w = _words(language)
    date = generated or report_date()
    context: dict[str, Any] = {
        "language": language,
        "w": w,
        "meta": _meta(calibration, w),
        "areas": [
            {
                "area": f"{a.area_id} {a.name}",
                "compared": a.compared,
                "steps": _signed(a.mean_steps, w),
                "points": f"{a.points:+.2f}",
            }
            for a in calibration.areas
        ],
        "differences": [
            {
                "requirement": r.requirement_id,
                "self": f"{r.self_value:g}",
                "audit": f"{r.audit_value:g}",
                "steps": f"{r.steps:+d}",
            }
            for r in calibration.requirements
            if r.steps
        ],
        "over_claims": [
            {"requirement": o.requirement_id, "reason": _reason(o, w)}
            for o in calibration.over_claims
        ],
        "not_applicable": [
            {"requirement": d.requirement_id, "text": _one_sided(d, w)}
            for d in calibration.not_applicable
        ],
        "footer": w.generated.format(
            version=version("goudenoor"), date=date.isoformat()
        ),
    }
    return templates()("calibration.html.j2")(**context)
