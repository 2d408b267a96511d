"""
Audit teams: the assessments of two or more auditors of one organisation,
the one agreed assessment, the agenda of the calibration meeting and how
well the auditors agree (Krippendorff's alpha).

The agreed assessment (:attr:`Consensus.assessment`):

* **auditors**: every input's auditors, without the names that are only
  repeated (a name appears as often as in the input that lists it most);
  **date**: the latest.
* **values**: by the rule (``median`` by default, ``min``, or one
  registered with :func:`register_rule`) over the values of the inputs
  that rated the requirement. An input that left it unrated has no vote.
* **not applicable** only when every input says so. When some say
  not applicable and others do not, the requirement stays unrated (so that
  scoring warns about it) until the team decides.
* **checkpoints met**: by the same rule, applied to each checkpoint as 0
  (not met) or 1 (met) by the inputs that rated the requirement (where
  none did, by those that left it unrated). For ``median`` (the lower
  middle value) that is "met for more than half"; for ``min``, "met for
  all".
* **evidence**: the union without duplicates (items are equal when kind,
  reference, date and valid-until are equal); an item that one input lists
  twice is kept twice.
* **notes** (and the justifications of a requirement all inputs hold not
  applicable): when every input has the same note, that note; otherwise
  one line ``auditor: note`` per input that wrote one. Where a
  not-applicable view is overruled, its justification is kept in the note
  as ``auditor (niet van toepassing): justification`` (in the language of
  the run: ``auditor (not applicable): ...`` with ``language="en"``).

Each assessment counts once: two inputs that are equal (the same
auditors, date, ratings, evidence and notes; where they were read from
does not count) are one assessment given twice, and refused, as a team of
one would agree with itself. So the consensus of assessments that differ
only in their auditors is that assessment with all their auditors, and
the order of the inputs does not matter: they are put in one order by
their content first.

An auditor (in :attr:`Disagreement.values` and in notes) is named by the
input's auditors (``"A. Jansen, B. de Vries"``), or its source file, or
``assessment N``; a name that occurs twice gets `` (2)``.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, Protocol, TypeVar

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, shape, to_data
from goudenoor._registry import Registry
from goudenoor._text import text_lines
from goudenoor.audit._assessment import (
    Assessment,
    Finding,
    Rating,
    Ratings,
    check_assessment,
)
from goudenoor.exceptions import ConsensusError, UnknownItemError
from goudenoor.standard import Scale, ScaleLevel, Standard


__all__ = [
    "CONSENSUS_FORMAT",
    "AuditorValue",
    "Consensus",
    "ConsensusError",
    "ConsensusRule",
    "Disagreement",
    "DisagreementKind",
    "consensus",
    "consensus_rules",
    "ordinal_alpha",
    "register_rule",
    "require_team",
]


def __dir__() -> list[str]:
    return __all__


CONSENSUS_FORMAT = "consensus/1"
"""The format marker of :meth:`Consensus.as_dict`."""

DisagreementKind = Literal["spread", "not_applicable", "unrated"]
"""Why a requirement is on the agenda of the calibration meeting."""

_NOT_APPLICABLE = {"nl": "niet van toepassing", "en": "not applicable"}
"""The words that mark an overruled not-applicable view in a note, by the
language of the run (the agreed assessment is a document in that language)."""


class ConsensusRule(Protocol):
    """
    A consensus rule: the agreed value of a requirement.
    """

    def __call__(self, values: tuple[float, ...], scale: Scale) -> float:
        """
        The agreed value of *values* (the inputs' values, lowest first, at
        least one) on *scale*. It must be a value of the scale from the
        lowest to the highest of *values*.
        """
        ...  # pragma: no cover


def _median(values: tuple[float, ...], scale: Scale) -> float:  # noqa: ARG001 - part of the rule signature
    # With an even number of values, the lower of the two middle ones: the
    # agreed value stays on the scale and errs towards caution.
    return values[(len(values) - 1) // 2]


def _minimum(values: tuple[float, ...], scale: Scale) -> float:  # noqa: ARG001 - idem
    return values[0]


_RULES: Registry[ConsensusRule] = Registry(
    "consensus rule", ConsensusError, {"median": _median, "min": _minimum}
)


@checked
def register_rule(name: str, rule: ConsensusRule, *, replace: bool = False) -> None:
    """
    Make *rule* available to :func:`consensus` as ``rule=name``.

    Raises:
        ConsensusError: *name* is taken and *replace* is false.
    """
    _RULES.register(name, rule, replace=replace)


def consensus_rules() -> tuple[str, ...]:
    """
    The names of the registered consensus rules.

    >>> consensus_rules()[:2]
    ('median', 'min')
    """
    return _RULES.names()


_CHECKPOINT_SCALE = Scale(
    id="checkpoint",
    name="checkpoint met",
    levels=(ScaleLevel(value=0.0, label="not met"), ScaleLevel(value=1.0, label="met")),
)
"""The scale a rule decides a checkpoint on: 0 not met, 1 met."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AuditorValue:
    """
    One auditor's verdict on a requirement.

    Attributes:
        auditor: Who (see the module documentation for the name).
        value: The value, or ``None`` (unrated or not applicable).
        not_applicable: The auditor holds the requirement not applicable.
    """

    auditor: str
    value: float | None
    not_applicable: bool = False

    @property
    def shown(self) -> str:
        """
        The value as text, such as ``3``, ``n/a`` or ``unrated``.
        """
        if self.not_applicable:
            return "n/a"
        return "unrated" if self.value is None else f"{self.value:g}"

    def as_data(self) -> float | str | None:
        """
        The value for JSON: a number, ``"n/a"`` or ``None`` (unrated).
        """
        return "n/a" if self.not_applicable else self.value


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Disagreement:
    """
    A requirement the auditors differ on, for the calibration meeting.

    Attributes:
        requirement_id: The requirement.
        area_id: Its area.
        kind: ``not_applicable`` (some hold it not applicable, others rate
            it), ``unrated`` (some left it unrated) or ``spread`` (the
            highest and lowest value are at least *spread* scale steps
            apart). One kind per requirement, in this order.
        values: Each auditor's verdict, in the inputs' order.
        spread: Scale steps between the lowest and the highest value (the
            distance of their positions on the scale, so that 0 and 1 on
            ``conformiteit`` (0, 0.5, 1) are 2 steps apart); 0 with fewer
            than two values.
        agreed: The agreed value, ``None`` where the requirement stays
            unrated.
    """

    requirement_id: str
    area_id: str
    kind: DisagreementKind
    values: tuple[AuditorValue, ...]
    spread: int
    agreed: float | None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Consensus:
    """
    The result of :func:`consensus`.

    Attributes:
        standard: The standard the assessments were made against.
        inputs: The assessments, in the order used (by content).
        auditors: The name of each input's auditor(s), in that order.
        assessment: The agreed assessment.
        rule: The rule's name.
        spread: The scale steps from which a spread is a disagreement.
        disagreements: By spread (largest first), then in the standard's
            order of areas and requirements.
        alpha: Krippendorff's alpha (ordinal) over all requirements, or
            ``None`` where it is undefined.
        alpha_by_area: Area id to alpha over its requirements, in area
            order.
    """

    standard: Standard = attrs.field(repr=False, eq=False)
    inputs: tuple[Assessment, ...] = attrs.field(repr=False)
    auditors: tuple[str, ...]
    assessment: Assessment = attrs.field(repr=False)
    rule: str
    spread: int
    disagreements: tuple[Disagreement, ...]
    alpha: float | None
    alpha_by_area: Mapping[str, float | None] = attrs.field(hash=False)

    def as_dict(self) -> dict[str, Any]:
        """
        The outcome as plain data (for JSON), with the format marker
        ``"goudenoor": "consensus/1"``. ``agreed`` holds each rated
        requirement's agreed value (``"n/a"``, or ``None`` for unrated).
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The agenda of the calibration meeting as plain text: alpha, then
        the disagreements by spread, then area; one line per item, without
        control characters.
        """
        return text_lines(_text_lines(self))


_Verdict = Mapping[str, float | Literal["n/a"] | None]

shape(
    Disagreement,
    "requirement_id",
    "area_id",
    "kind",
    "spread",
    "agreed",
    Key(
        "values",
        _Verdict,
        'Each auditor\'s verdict (auditor to a number, "n/a" or null for unrated).',
        get=lambda d: {v.auditor: v.as_data() for v in d.values},
    ),
)
shape(
    Consensus,
    Key(
        "edition",
        str,
        "The edition the assessments were made against.",
        get=lambda c: c.assessment.edition,
    ),
    Key(
        "organisation",
        str,
        "The audited organisation's name.",
        get=lambda c: c.assessment.organisation,
    ),
    Key(
        "date",
        datetime.date,
        "The agreed assessment's date (ISO 8601).",
        get=lambda c: c.assessment.date,
    ),
    Key(
        "scale",
        str,
        "The id of the scale the values are on.",
        get=lambda c: c.standard.scale(c.assessment.scale).id,
    ),
    "rule",
    "spread",
    "auditors",
    "alpha",
    Key(
        "alpha_by_area",
        Mapping[str, float | None],
        "Area id to alpha over its requirements (null where undefined).",
    ),
    "disagreements",
    Key(
        "agreed",
        _Verdict,
        'Each rated requirement\'s agreed value: a number, "n/a" or null (unrated).',
        get=lambda c: {
            rid: "n/a" if rating.not_applicable else rating.value
            for rid, rating in c.assessment.ratings.items()
        },
    ),
    marker=CONSENSUS_FORMAT,
)


def consensus(
    standard: Standard,
    assessments: Iterable[Assessment],
    *,
    rule: str = "median",
    spread: int = 2,
    check: bool = True,
    language: str = "nl",
) -> Consensus:
    """
    Combine the assessments of an audit team into one agreed assessment.

    Args:
        standard: The standard (with the extensions) the assessments were
            made against.
        assessments: At least two different ones (see the module
            documentation: an assessment given twice is refused), of one
            edition, organisation, unit, scale and set of extensions.
        rule: The name of a consensus rule (see :func:`consensus_rules`).
        spread: From how many scale steps between the lowest and the
            highest value a requirement is a disagreement.
        check: Check each assessment against *standard* first. Without
            the check, ratings of requirements the standard does not have
            are left out of the agreed assessment.
        language: The language of the words the agreed assessment's notes
            get: ``nl`` (default) or ``en``.

    Raises:
        ConsensusError: Fewer than two assessments, one given twice, a
            header field that differs (naming the field and the files), a
            bad *spread*, or a rule that returned a value off the scale.
        UnknownItemError: Unknown rule or language.
        ValidationError: An assessment does not fit the standard.

    >>> import datetime, goudenoor as go
    >>> from goudenoor.audit import consensus
    >>> std = go.load_standard("gos-2012")
    >>> def audit(auditor, value):
    ...     return go.Assessment(edition="gos-2012", organisation="Voorbeeld",
    ...         date=datetime.date(2026, 10, 1), auditors=(auditor,),
    ...         ratings={"5.1": go.Rating(value=value)})
    >>> c = consensus(std, [audit("A", 1), audit("B", 4), audit("C", 2)])
    >>> c.assessment.ratings["5.1"].value
    2.0
    >>> [(d.requirement_id, d.kind, d.spread) for d in c.disagreements]
    [('5.1', 'spread', 3)]
    """
    inputs = tuple(assessments)
    require_team(inputs)
    function = _RULES.get(rule)
    if function is None:
        raise UnknownItemError(rule, consensus_rules(), kind="consensus rule")
    not_applicable = _NOT_APPLICABLE.get(language)
    if not_applicable is None:
        raise UnknownItemError(language, tuple(_NOT_APPLICABLE), kind="language")
    steps: object = spread  # checked: callers without a type checker pass anything
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise ConsensusError(
            f"spread must be a whole number of scale steps of at least 1 "
            f"(got {spread!r})"
        )
    _check_shared(standard, inputs)
    if check:
        for assessment in inputs:
            check_assessment(assessment, standard)
    ordered = tuple(sorted(inputs, key=_content_key))
    team = _Team(
        standard=standard,
        inputs=ordered,
        names=_names(ordered),
        scale=standard.scale(inputs[0].scale),
        rule=rule,
        function=function,
        not_applicable=not_applicable,
    )
    ratings, disagreements = team.combine(spread)
    area_order = {area.id: index for index, area in enumerate(standard.areas)}
    requirement_order = {r.id: index for index, r in enumerate(standard.requirements)}
    disagreements.sort(
        key=lambda d: (
            -d.spread,
            area_order[d.area_id],
            requirement_order[d.requirement_id],
        )
    )
    alpha, by_area = team.alphas()
    agreed = Assessment(
        edition=standard.id,
        organisation=inputs[0].organisation,
        unit=inputs[0].unit,
        date=max(a.date for a in inputs),
        scale=next((a.scale for a in ordered if a.scale is not None), None),
        auditors=_union(a.auditors for a in ordered),
        extensions=inputs[0].extensions,
        ratings=Ratings(ratings),
        kind=inputs[0].kind,
        findings=_findings(ordered),
    )
    return Consensus(
        standard=standard,
        inputs=ordered,
        auditors=team.names,
        assessment=agreed,
        rule=rule,
        spread=spread,
        disagreements=tuple(disagreements),
        alpha=alpha,
        alpha_by_area=by_area,
    )


def require_team(assessments: Sequence[Assessment]) -> None:
    """
    Raise unless there are at least two *assessments*, each given once.

    Two that are equal (the same auditors, date, ratings, evidence and
    notes; where they were read from does not count) are one assessment
    given twice: its auditors would agree with themselves.

    Raises:
        ConsensusError: Fewer than two, or one given twice.
    """
    if len(assessments) < 2:  # noqa: PLR2004 - a team has at least two auditors
        raise ConsensusError(
            f"a consensus needs at least 2 assessments (got {len(assessments)})"
        )
    first: dict[Assessment, int] = {}
    for number, assessment in enumerate(assessments, start=1):
        earlier = first.setdefault(assessment, number)
        if earlier != number:
            raise ConsensusError(
                f"the same assessment is given twice: "
                f"{_where(assessments[earlier - 1], earlier)} and "
                f"{_where(assessment, number)} are equal (the same auditors, date "
                "and ratings); a consensus needs each auditor's assessment once"
            )


def _findings(inputs: Sequence[Assessment]) -> tuple[Finding, ...]:
    """
    The findings of every auditor, each once, in the inputs' order: the
    team agrees on ratings, but no auditor's finding is dropped.
    """
    found: dict[str, tuple[Finding, Assessment, int]] = {}
    for number, assessment in enumerate(inputs, start=1):
        for finding in assessment.findings:
            earlier = found.get(finding.id)
            if earlier is None:
                found[finding.id] = (finding, assessment, number)
            elif earlier[0] != finding:
                raise ConsensusError(
                    f"finding {finding.id!r} differs between "
                    f"{_where(earlier[1], earlier[2])} and "
                    f"{_where(assessment, number)}; a consensus keeps every "
                    "finding, so give them other ids or make them the same"
                )
    return tuple(finding for finding, _, _ in found.values())


def _where(assessment: Assessment, number: int) -> str:
    return assessment.source or f"assessment {number}"


def _check_shared(standard: Standard, inputs: tuple[Assessment, ...]) -> None:
    default = standard.default_scale
    fields: tuple[tuple[str, Callable[[Assessment], object]], ...] = (
        ("edition", lambda a: a.edition),
        ("organisation", lambda a: a.organisation),
        ("unit", lambda a: a.unit),
        ("extensions", lambda a: a.extensions),
        ("scale", lambda a: a.scale or default),
        ("kind", lambda a: a.kind),
    )
    for field, value_of in fields:
        seen: dict[object, list[str]] = {}
        for number, assessment in enumerate(inputs, start=1):
            seen.setdefault(value_of(assessment), []).append(_where(assessment, number))
        if len(seen) > 1:
            found = "; ".join(
                f"{_shown(value)} in {', '.join(where)}"
                for value, where in seen.items()
            )
            raise ConsensusError(
                f"the assessments differ in {field}: {found}; a consensus needs "
                f"one {field} for all"
            )


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return repr(list(value))
    return repr(value)


def _content_key(assessment: Assessment) -> tuple[tuple[str, ...], str, str, str]:
    # A total order on what the result depends on: inputs with equal keys
    # are interchangeable, so the input order cannot change the outcome.
    return (
        assessment.auditors,
        assessment.date.isoformat(),
        repr(assessment),
        assessment.source or "",
    )


def _names(inputs: tuple[Assessment, ...]) -> tuple[str, ...]:
    names: list[str] = []
    for number, assessment in enumerate(inputs, start=1):
        base = (
            ", ".join(assessment.auditors)
            or assessment.source
            or f"assessment {number}"
        )
        name, count = base, 1
        while name in names:
            count += 1
            name = f"{base} ({count})"
        names.append(name)
    return tuple(names)


_T = TypeVar("_T")


def _union(lists: Iterable[Sequence[_T]]) -> tuple[_T, ...]:
    # The multiset union in order of first appearance: an item occurs as
    # often as in the list that has it most.
    out: list[_T] = []
    counts: Counter[_T] = Counter()
    for items in lists:
        own: Counter[_T] = Counter()
        for item in items:
            own[item] += 1
            if own[item] > counts[item]:
                counts[item] += 1
                out.append(item)
    return tuple(out)


@attrs.frozen(kw_only=True)
class _Team:
    standard: Standard
    inputs: tuple[Assessment, ...]
    names: tuple[str, ...]
    scale: Scale
    rule: str
    function: ConsensusRule
    not_applicable: str

    def combine(self, spread: int) -> tuple[dict[str, Rating], list[Disagreement]]:
        ratings: dict[str, Rating] = {}
        disagreements: list[Disagreement] = []
        for area in self.standard.areas:
            for requirement in area.requirements:
                given = [a.ratings.get(requirement.id) for a in self.inputs]
                if all(rating is None for rating in given):
                    continue
                rating, disagreement = self._requirement(
                    requirement.id, area.id, given, spread
                )
                ratings[requirement.id] = rating
                if disagreement is not None:
                    disagreements.append(disagreement)
        return ratings, disagreements

    def _requirement(
        self,
        requirement_id: str,
        area_id: str,
        given: list[Rating | None],
        spread: int,
    ) -> tuple[Rating, Disagreement | None]:
        raters = [r for r in given if r is not None and r.value is not None]
        absent = [r for r in given if r is None or not (r.rated or r.not_applicable)]
        not_applicable = [r for r in given if r is not None and r.not_applicable]
        evidence = _union(r.evidence for r in given if r is not None)
        if len(not_applicable) == len(given):
            agreed = Rating(
                not_applicable=True,
                justification=self._merged([r.justification for r in not_applicable]),
                evidence=evidence,
                note=self._merged([r.note for r in not_applicable]),
            )
            return agreed, None
        value = self._decide(
            requirement_id,
            tuple(sorted(r.value for r in raters if r.value is not None)),
            self.scale,
        )
        if not_applicable:
            value = None  # never settled silently: the team decides
        agreed = Rating(
            value=value,
            evidence=evidence,
            checkpoints_met=self._checkpoints(
                requirement_id,
                raters or [r for r in given if r is not None and not r.not_applicable],
            ),
            note=self._note(given, overruled=bool(not_applicable)),
        )
        steps = self._steps([r.value for r in raters if r.value is not None])
        kind: DisagreementKind | None = None
        if not_applicable and raters:
            kind = "not_applicable"
        elif absent and (raters or not_applicable):
            kind = "unrated"
        elif steps >= spread:
            kind = "spread"
        if kind is None:
            return agreed, None
        values = tuple(
            AuditorValue(
                auditor=name,
                value=rating.value if rating is not None else None,
                not_applicable=rating is not None and rating.not_applicable,
            )
            for name, rating in zip(self.names, given, strict=True)
        )
        return agreed, Disagreement(
            requirement_id=requirement_id,
            area_id=area_id,
            kind=kind,
            values=values,
            spread=steps,
            agreed=value,
        )

    def _decide(
        self, requirement_id: str, values: tuple[float, ...], scale: Scale
    ) -> float | None:
        if not values:
            return None
        agreed: object = self.function(values, scale)
        if (
            isinstance(agreed, bool)
            or not isinstance(agreed, (int, float))
            or agreed not in scale.values
            or not values[0] <= agreed <= values[-1]
        ):
            raise ConsensusError(
                f"consensus rule {self.rule!r} returned {agreed!r} for requirement "
                f"{requirement_id}; expected a value of scale {scale.id} from "
                f"{values[0]:g} to {values[-1]:g}"
            )
        return float(agreed)

    def _checkpoints(
        self, requirement_id: str, voters: list[Rating]
    ) -> tuple[str, ...]:
        # The voters are the inputs that rated the requirement; where none
        # did, those that left it unrated (their checkpoints are kept too).
        met: list[str] = []
        for checkpoint in _union(r.checkpoints_met for r in voters):
            votes = tuple(
                sorted(float(checkpoint in r.checkpoints_met) for r in voters)
            )
            where = f"{requirement_id} (checkpoint {checkpoint})"
            if self._decide(where, votes, _CHECKPOINT_SCALE) == 1.0:
                met.append(checkpoint)
        return tuple(met)

    def _note(self, given: list[Rating | None], *, overruled: bool) -> str | None:
        notes = [r.note if r is not None else None for r in given]
        if not overruled and all(note == notes[0] for note in notes):
            return notes[0]
        lines = []
        for name, rating in zip(self.names, given, strict=True):
            if rating is None:
                continue
            if rating.not_applicable:
                lines.append(f"{name} ({self.not_applicable}): {rating.justification}")
            if rating.note is not None:
                lines.append(f"{name}: {rating.note}")
        return "\n".join(lines) or None

    def _merged(self, texts: list[str | None]) -> str | None:
        # Only used when every input has the rating (all not applicable).
        if all(text == texts[0] for text in texts):
            return texts[0]
        lines = [
            f"{name}: {text}"
            for name, text in zip(self.names, texts, strict=True)
            if text is not None
        ]
        return "\n".join(lines)

    def _steps(self, values: list[float]) -> int:
        if len(values) < 2:  # noqa: PLR2004 - a spread needs two values
            return 0
        positions = self.scale.values
        return positions.index(max(values)) - positions.index(min(values))

    def alphas(self) -> tuple[float | None, dict[str, float | None]]:
        domain = self.scale.values
        rows = [
            {
                rid: rating.value
                for rid, rating in assessment.ratings.items()
                if rating.value is not None
            }
            for assessment in self.inputs
        ]

        def alpha(requirement_ids: Sequence[str]) -> float | None:
            data = [[row.get(rid) for rid in requirement_ids] for row in rows]
            return ordinal_alpha(data, domain)

        by_area = {
            area.id: alpha([r.id for r in area.requirements])
            for area in self.standard.areas
        }
        return alpha([r.id for r in self.standard.requirements]), by_area


@checked
def ordinal_alpha(
    data: Sequence[Sequence[float | None]], domain: Sequence[float]
) -> float | None:
    """
    Krippendorff's alpha at the ordinal level.

    *data* has one row per coder (auditor) and one column per unit
    (requirement); ``None`` is a missing value. *domain* is the ordered
    list of possible values (the scale's values); only the order of the
    values counts. The formulas are those of Krippendorff (2011),
    "Computing Krippendorff's Alpha-Reliability", University of
    Pennsylvania, https://repository.upenn.edu/asc_papers/43/ :

    * Only units with values from at least two coders are pairable; in a
      unit u with m_u values, each ordered pair of values from different
      coders adds ``1 / (m_u - 1)`` to the coincidence ``o[c][k]`` of their
      values c and k.
    * ``n_c = sum_k o[c][k]`` and ``n = sum_c n_c``.
    * The ordinal distance of the values at positions c < k is
      ``delta2[c][k] = (sum_{g=c..k} n_g - (n_c + n_k) / 2) ** 2``.
    * ``alpha = 1 - (n - 1) * sum o[c][k] delta2[c][k]
      / sum n_c n_k delta2[c][k]`` (sums over all c, k).

    Returns:
        Alpha, or ``None`` where it is undefined: no pairable unit, or all
        pairable values equal (no variation to agree on).

    Raises:
        ConsensusError: A value is not in *domain*.

    >>> ordinal_alpha([[1, 2, 3], [1, 2, 3]], [1, 2, 3])
    1.0
    >>> ordinal_alpha([[1, None], [None, 2]], [1, 2]) is None
    True
    """
    position = {value: index for index, value in enumerate(domain)}
    size = len(domain)
    coincidences = [[0.0] * size for _ in range(size)]
    for unit in zip(*data, strict=True):
        values = [value for value in unit if value is not None]
        if len(values) < 2:  # noqa: PLR2004 - a pair needs two values
            continue
        counts = Counter(_position(position, value) for value in values)
        share = 1.0 / (len(values) - 1)
        for c, count_c in counts.items():
            for k, count_k in counts.items():
                pairs = count_c * (count_k - 1) if c == k else count_c * count_k
                coincidences[c][k] += pairs * share
    totals = [math.fsum(row) for row in coincidences]
    observed = [index for index, total in enumerate(totals) if total > 0]
    if len(observed) < 2:  # noqa: PLR2004 - one value only: nothing to agree on
        return None
    n = math.fsum(totals)
    prefix = [0.0]
    for total in totals:
        prefix.append(prefix[-1] + total)
    disagreement_observed = 0.0
    disagreement_expected = 0.0
    for i, c in enumerate(observed):
        for k in observed[i + 1 :]:
            between = prefix[k + 1] - prefix[c] - (totals[c] + totals[k]) / 2
            distance = between * between
            # o and delta2 are symmetric: each unordered pair counts twice.
            disagreement_observed += 2 * coincidences[c][k] * distance
            disagreement_expected += 2 * totals[c] * totals[k] * distance
    return 1.0 - (n - 1) * disagreement_observed / disagreement_expected


def _position(position: Mapping[float, int], value: float) -> int:
    found = position.get(value)
    if found is None:
        raise ConsensusError(
            f"{value!r} is not one of the values {list(position)} the alpha is "
            "computed over"
        )
    return found


def _text_lines(result: Consensus) -> list[str]:
    agreed = result.assessment
    lines = [
        (
            f"{agreed.organisation}: consensus of {len(result.inputs)} assessments "
            f"({agreed.edition}, rule {result.rule}, spread {result.spread})"
        ),
        "auditors: " + "; ".join(result.auditors),
        "",
        f"alpha (ordinal): {_alpha(result.alpha)}",
    ]
    for area in result.standard.areas:
        label = f"{area.id:>2} {area.name}"
        lines.append(f"  {label:<34} {_alpha(result.alpha_by_area[area.id])}")
    lines.append("")
    if not result.disagreements:
        lines.append("no disagreements")
        return lines
    lines.append(f"disagreements ({len(result.disagreements)}):")
    for item in result.disagreements:
        values = ", ".join(f"{v.auditor} {v.shown}" for v in item.values)
        outcome = (
            "stays unrated until the team decides"
            if item.agreed is None
            else f"agreed {item.agreed:g}"
        )
        lines.append(
            f"  {item.requirement_id:<10} {item.kind:<14} "
            f"{item.spread} steps  {values} -> {outcome}"
        )
    return lines


def _alpha(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.3f}"
