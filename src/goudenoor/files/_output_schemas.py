"""
JSON Schemas of the JSON outputs: the score card (``scorecard/1``), the
comparison (``comparison/1``), the edition diff (``edition-diff/1``), the
migration (``migration/1``), the consensus (``consensus/1``), the
roll-up of units (``rollup/1``), the portfolio table (``portfolio/1``),
the portfolio summary (``portfolio-summary/1``), the percentile ranks
(``percentile-ranks/1``), the trend (``trend/1``), the influence and
structure graphs (``graph/1``), and the four outputs of the command line
alone: the list of editions (``editions/1``), an edition shown in full
(``standard/1``), the installed sector packs (``extensions/1``) and the
checks of ``goudenoor validate`` (``validation/1``).

Their ``as_dict()`` methods shape the data by hand, so these schemas are
written by hand too; the tests validate real outputs against them. Every
field has a ``description``, and every object is closed
(``additionalProperties: false``) except the maps keyed by id or name.
"""

from __future__ import annotations

import typing
from typing import Any

from goudenoor.audit import (
    COMPARISON_FORMAT,
    CONSENSUS_FORMAT,
    GRAPH_FORMAT,
    MIGRATION_FORMAT,
    SCORECARD_FORMAT,
    DisagreementKind,
    DropCause,
    EvidencePolicy,
    OutcomeStatus,
    RequirementStatus,
)
from goudenoor.files._schemas import model_schema
from goudenoor.portfolio import (
    COLUMNS,
    PERCENTILE_RANKS_FORMAT,
    PORTFOLIO_FORMAT,
    PORTFOLIO_SUMMARY_FORMAT,
    ROLLUP_FORMAT,
    TREND_FORMAT,
    RollupRule,
)
from goudenoor.standard import (
    EDITION_DIFF_FORMAT,
    AreaKind,
    InfluenceStrength,
    Relationship,
    RewordedField,
    Standard,
    WordOp,
)


__all__ = [
    "EDITIONS_FORMAT",
    "EXTENSIONS_FORMAT",
    "STANDARD_FORMAT",
    "VALIDATION_FORMAT",
    "comparison_schema",
    "consensus_schema",
    "edition_diff_schema",
    "editions_schema",
    "extensions_schema",
    "graph_schema",
    "migration_schema",
    "percentile_ranks_schema",
    "portfolio_schema",
    "portfolio_summary_schema",
    "rollup_schema",
    "scorecard_schema",
    "standard_schema",
    "trend_schema",
    "validation_schema",
]


def __dir__() -> list[str]:
    return __all__


EDITIONS_FORMAT = "editions/1"
"""The format marker of ``goudenoor editions --format json``."""

STANDARD_FORMAT = "standard/1"
"""The format marker of ``goudenoor show EDITION --format json``."""

EXTENSIONS_FORMAT = "extensions/1"
"""The format marker of ``goudenoor extensions --format json``."""

VALIDATION_FORMAT = "validation/1"
"""The format marker of ``goudenoor validate FILE... --format json``."""

_Fields = dict[str, tuple[dict[str, Any], str]]

_NUMBER: dict[str, Any] = {"type": "number"}
_INTEGER: dict[str, Any] = {"type": "integer", "minimum": 0}
_STRING: dict[str, Any] = {"type": "string"}
_BOOLEAN: dict[str, Any] = {"type": "boolean"}
_DATE: dict[str, Any] = {"type": "string", "format": "date"}
_NUMBER_OR_NULL: dict[str, Any] = {"type": ["number", "null"]}
_STRING_OR_NULL: dict[str, Any] = {"type": ["string", "null"]}
_STRINGS: dict[str, Any] = {"type": "array", "items": _STRING}


def _enum(literal: Any, *extra: object) -> dict[str, Any]:
    return {"enum": [*typing.get_args(literal), *extra]}


def _object(
    description: str, fields: _Fields, *, optional: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A closed object: every field described, all required but *optional*."""
    return {
        "type": "object",
        "description": description,
        "additionalProperties": False,
        "required": [name for name in fields if name not in optional],
        "properties": {
            name: {**schema, "description": text}
            for name, (schema, text) in fields.items()
        },
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _document(
    name: str, marker: str, title: str, body: dict[str, Any]
) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://goudenoor.invalid/schema/{name}.json",
        "title": f"{title} (format {marker})",
        **body,
    }


def _marker(marker: str) -> tuple[dict[str, Any], str]:
    return {"const": marker}, f"The format marker, always {marker!r}."


def _points() -> dict[str, Any]:
    return _object(
        "The points earned.",
        {
            "organisation": (_NUMBER, "Points on the organisation areas."),
            "result": (_NUMBER, "Points on the result areas."),
            "total": (_NUMBER, "Organisation plus result points."),
        },
    )


def _card_header() -> _Fields:
    return {
        "organisation": (_STRING, "The audited organisation's name."),
        "edition": (_STRING, "The edition scored against, for example gos-2012."),
        "date": (_DATE, "The audit's date (ISO 8601)."),
        "method": (_STRING, "The scoring method's name."),
        "scale": (_STRING, "The id of the scale the ratings are on."),
        "scheme": (_STRING, "The id of the recognition scheme."),
    }


def _comparison_body() -> dict[str, Any]:
    summary = _object(
        "One audit in brief.",
        {
            **_card_header(),
            "points": (_points(), "The audit's points."),
            "level": (_STRING_OR_NULL, "The recognition level reached, or null."),
        },
    )
    area = _object(
        "How one area's points changed.",
        {
            "area_id": (_STRING, "The area's id."),
            "name": (_STRING, "Its name (in the new audit's edition)."),
            "old_points": (
                _NUMBER_OR_NULL,
                "Points in the old audit; null if it had no such area.",
            ),
            "new_points": (_NUMBER_OR_NULL, "Points in the new audit; null likewise."),
            "max_points": (_NUMBER, "The area's maximum in the new audit."),
            "delta": (
                _NUMBER,
                "new_points - old_points (0 where one side is missing).",
            ),
            "edition_effect": (
                _NUMBER_OR_NULL,
                (
                    "Across editions compared through a crosswalk: the old ratings "
                    "carried to the new edition and scored, minus old_points (what "
                    "the change of edition alone did); else null."
                ),
            ),
            "rating_effect": (
                _NUMBER_OR_NULL,
                (
                    "Likewise: delta - edition_effect, what the ratings' change did; "
                    "else null."
                ),
            ),
        },
    )
    status = {"anyOf": [_enum(RequirementStatus), {"type": "null"}]}
    requirement = _object(
        "How one requirement's rating changed.",
        {
            "requirement_id": (_STRING, "The requirement's id."),
            "kind": (
                {"enum": ["changed", "added", "dropped"]},
                (
                    "changed, added (only in the new audit's standard) or dropped "
                    "(only in the old one)."
                ),
            ),
            "old_value": (
                _NUMBER_OR_NULL,
                "The old rating's value; null if unrated, N/A or absent.",
            ),
            "new_value": (_NUMBER_OR_NULL, "The new rating's value; likewise."),
            "old_status": (status, "How it entered the old score; null if absent."),
            "new_status": (status, "How it enters the new score; null if absent."),
            "old_points": (_NUMBER, "Points it contributed before (0 if absent)."),
            "new_points": (_NUMBER, "Points it contributes now (0 if absent)."),
            "delta": (_NUMBER, "new_points - old_points."),
            "sources": (
                _array(_STRING),
                (
                    "Across editions compared through a crosswalk: the old "
                    "requirements mapped to this one; else empty."
                ),
            ),
        },
    )
    return _object(
        "The change between two audits of one organisation.",
        {
            "goudenoor": _marker(COMPARISON_FORMAT),
            "old": (summary, "The earlier audit."),
            "new": (summary, "The later audit."),
            "total_delta": (_NUMBER, "The change in total points."),
            "level_changed": (_BOOLEAN, "Whether the recognition level differs."),
            "areas": (
                _array(area),
                (
                    "Every area, in the new audit's order (areas only in the old "
                    "audit last)."
                ),
            ),
            "requirements": (
                _array(requirement),
                (
                    "Requirements whose value, status or points changed, and "
                    "those added or dropped."
                ),
            ),
            "warnings": (
                _STRINGS,
                (
                    "What a reader should know: different organisations, editions, "
                    "schemes, methods or scales; a later audit dated earlier."
                ),
            ),
        },
    )


def comparison_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``comparison/1``: what
    ``Comparison.as_dict()`` returns and ``goudenoor compare --format
    json`` prints.
    """
    return _document(
        "comparison-1", COMPARISON_FORMAT, "goudenoor comparison", _comparison_body()
    )


def scorecard_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``scorecard/1``: what
    ``ScoreCard.as_dict()`` returns and ``goudenoor score --format json``
    and ``goudenoor report --format json`` print (the report adds
    ``risks`` and, with ``--compare``, ``comparison``).
    """
    requirement = _object(
        "How one requirement entered the score.",
        {
            "requirement_id": (_STRING, "The requirement's id."),
            "area_id": (_STRING, "Its area's id."),
            "status": (
                _enum(RequirementStatus),
                (
                    "rated, unrated, not-applicable, missing-evidence (counted, with "
                    "a warning) or capped (strict evidence policy)."
                ),
            ),
            "value": (
                _NUMBER_OR_NULL,
                "The rating's value; null if unrated or not applicable.",
            ),
            "fraction": (
                _NUMBER_OR_NULL,
                "The fraction earned (0 to 1); null if not applicable.",
            ),
            "weight": (_NUMBER, "The requirement's weight in its area."),
            "points": (_NUMBER, "The points it contributes to its area."),
            "max_points": (_NUMBER, "The points it would contribute at a full rating."),
        },
    )
    area = _object(
        "The score of one area.",
        {
            "area_id": (_STRING, "The area's id."),
            "name": (_STRING, "Its name."),
            "kind": ({"enum": ["organisation", "result"]}, "organisation or result."),
            "points": (_NUMBER, "Points earned."),
            "max_points": (_NUMBER, "The area's points in the standard."),
            "fraction": (_NUMBER, "points / max_points (the weighted mean)."),
            "rule": (_STRING, "How the points were computed, in words and numbers."),
            "requirements": (
                _array(requirement),
                "Each requirement's result, in order.",
            ),
        },
    )
    gap = _object(
        "One unmet condition of the next recognition level.",
        {
            "level": (_STRING, "The level's name."),
            "scope": (_STRING, "What the condition measures."),
            "area_id": (
                _STRING_OR_NULL,
                "The area, for per-area conditions; else null.",
            ),
            "unit": ({"enum": ["points", "fraction"]}, "points or fraction."),
            "required": (_NUMBER, "What is needed."),
            "actual": (_NUMBER, "What was scored."),
            "shortfall": (_NUMBER, "required - actual."),
        },
    )
    warning = _object(
        "Something the score rests on that a reader should know.",
        {
            "code": (
                _STRING,
                (
                    "unrated, not-applicable, missing-evidence, capped or "
                    "expired-evidence."
                ),
            ),
            "requirement_id": (_STRING, "The requirement concerned."),
            "message": (_STRING, "A sentence for people."),
        },
    )
    improvement = _object(
        "What raising one requirement to a full rating (with evidence) gains.",
        {
            "requirement_id": (_STRING, "The requirement's id."),
            "area_id": (_STRING, "Its area's id."),
            "text": (_STRING, "The requirement's text."),
            "fraction": (_NUMBER, "Its current fraction (0 when unrated)."),
            "points_gained": (_NUMBER, "Total points gained."),
        },
    )
    risk = _object(
        "A result area at risk because the areas driving it score low.",
        {
            "area_id": (_STRING, "The result area's id."),
            "name": (_STRING, "Its name."),
            "fraction": (_NUMBER, "Its fraction of its points."),
            "weak_drivers": (
                _array(
                    {
                        "type": "array",
                        "prefixItems": [_STRING, _NUMBER],
                        "items": False,
                        "minItems": 2,
                    }
                ),
                "The driving areas below the threshold, each as [area id, fraction].",
            ),
        },
    )
    body = _object(
        "The score card of one audit.",
        {
            "goudenoor": _marker(SCORECARD_FORMAT),
            **_card_header(),
            "unit": (
                _STRING_OR_NULL,
                "The unit audited (a site, team or department), or null.",
            ),
            "parameters": (
                {"type": "object", "additionalProperties": _NUMBER},
                "The recognition scheme's parameters as used (name to value).",
            ),
            "evidence_policy": (_enum(EvidencePolicy), "warn or strict."),
            "points": (_points(), "The points earned."),
            "level": (_STRING_OR_NULL, "The recognition level reached, or null."),
            "next_level": (_STRING_OR_NULL, "The next level up, or null at the top."),
            "gaps": (_array(gap), "The unmet conditions of the next level."),
            "areas": (_array(area), "Each area's score, in the standard's order."),
            "warnings": (
                _array(warning),
                "What the score rests on that a reader should know.",
            ),
            "improvements": (
                _array(improvement),
                (
                    "The requirements whose full rating gains most, best first "
                    "(in a report: the first --top)."
                ),
            ),
            "risks": (
                _array(risk),
                (
                    "Only in goudenoor report's JSON: result areas at risk "
                    "through weak drivers."
                ),
            ),
            "comparison": (
                {"$ref": "#/$defs/comparison"},
                (
                    "Only in goudenoor report --compare's JSON: the comparison "
                    "with the older audit."
                ),
            ),
        },
        optional=("risks", "comparison"),
    )
    body["$defs"] = {"comparison": _comparison_body()}
    return _document("scorecard-1", SCORECARD_FORMAT, "goudenoor score card", body)


def edition_diff_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``edition-diff/1``: what
    ``EditionDiff.as_dict()`` returns.
    """
    ids = _STRINGS
    rewording = _object(
        "A text that changed under the same id.",
        {
            "id": (_STRING, "The requirement or checkpoint id."),
            "field": (
                _enum(RewordedField),
                (
                    "text (the words with their lead, or the checkpoint's) or evidence "
                    "(the evidence clause)."
                ),
            ),
            "old": (_STRING, "The old text, whitespace normalised."),
            "new": (_STRING, "The new text, whitespace normalised."),
            "similarity": (
                {"type": "number", "minimum": 0, "maximum": 1},
                "The share of words the texts have in common (0 to 1, three decimals).",
            ),
            "ops": (
                _array(
                    {
                        "type": "array",
                        "prefixItems": [_enum(WordOp), _STRING],
                        "items": False,
                        "minItems": 2,
                    }
                ),
                (
                    "Runs of words in order, each [op, words]: equal (in both), delete "
                    "(only old) or insert (only new)."
                ),
            ),
            "rendered": (_STRING, "The diff as one line: [-old words-]{+new words+}."),
        },
    )
    renamed = _object(
        "An area whose name changed.",
        {
            "area_id": (_STRING, "The area's id."),
            "old_name": (_STRING, "Its name in the old edition."),
            "new_name": (_STRING, "Its name in the new edition."),
        },
    )
    points = _object(
        "An area whose points, or whether they are assumed, changed.",
        {
            "area_id": (_STRING, "The area's id."),
            "old_points": (_NUMBER, "Its points in the old edition."),
            "new_points": (_NUMBER, "Its points in the new edition."),
            "old_assumed": (_BOOLEAN, "The old points were not published but assumed."),
            "new_assumed": (_BOOLEAN, "The new points were not published but assumed."),
        },
    )
    inherited = _object(
        "A requirement the new edition took over from another edition.",
        {
            "requirement_id": (_STRING, "The requirement's id."),
            "inherited_from": (_STRING, "The edition it was taken from."),
        },
    )
    body = _object(
        "What changed from one edition to another.",
        {
            "goudenoor": _marker(EDITION_DIFF_FORMAT),
            "old": (_STRING, "The old edition's id."),
            "new": (_STRING, "The new edition's id."),
            "areas": (
                _object(
                    "Changes to areas.",
                    {
                        "added": (ids, "Area ids only in the new edition."),
                        "removed": (ids, "Area ids only in the old edition."),
                        "renamed": (_array(renamed), "Areas whose name changed."),
                        "points_changed": (
                            _array(points),
                            "Areas whose points or assumed-ness changed.",
                        ),
                    },
                ),
                "Changes to areas.",
            ),
            "requirements": (
                _object(
                    "Changes to requirements.",
                    {
                        "added": (ids, "Requirement ids only in the new edition."),
                        "removed": (ids, "Requirement ids only in the old edition."),
                        "inherited": (
                            _array(inherited),
                            (
                                "Requirements in both that an edition records as "
                                "inherited."
                            ),
                        ),
                        "reworded": (
                            _array(rewording),
                            "Requirement texts and evidence clauses that changed.",
                        ),
                    },
                ),
                "Changes to requirements.",
            ),
            "checkpoints": (
                _object(
                    "Changes to checkpoints.",
                    {
                        "added": (
                            ids,
                            "Checkpoint ids new to a requirement in both editions.",
                        ),
                        "removed": (
                            ids,
                            "Checkpoint ids gone from a requirement in both editions.",
                        ),
                        "reworded": (
                            _array(rewording),
                            "Checkpoint texts that changed.",
                        ),
                    },
                ),
                "Changes to checkpoints.",
            ),
        },
    )
    return _document(
        "edition-diff-1", EDITION_DIFF_FORMAT, "goudenoor edition diff", body
    )


def migration_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``migration/1``: what
    ``Migration.as_dict()`` returns.
    """
    rating: _Fields = {
        "value": (
            _NUMBER_OR_NULL,
            "The rating's value; null if unrated or not applicable.",
        ),
        "not_applicable": (_BOOLEAN, "Whether the rating is not applicable."),
    }
    outcome = _object(
        "What the migration did for one requirement of the target edition.",
        {
            "target_id": (_STRING, "The requirement id in the target edition."),
            "status": (
                _enum(OutcomeStatus),
                (
                    "carried (taken over), review (the lowest of the sources "
                    "was taken; "
                    "look again) or new (no source; unrated)."
                ),
            ),
            "sources": (
                _STRINGS,
                "The source requirement ids it was mapped from, in crosswalk order.",
            ),
            "relationships": (
                _array(_enum(Relationship)),
                "The crosswalk relationship of each source, in the same order.",
            ),
            "relationship": (
                {"anyOf": [_enum(Relationship), {"type": "null"}]},
                "The relationship shared by every source, or null.",
            ),
            **rating,
            "reason": (_STRING, "Why, in words."),
            "checkpoints_not_carried": (
                _STRINGS,
                (
                    "Met checkpoints of the source with no counterpart in the "
                    "target requirement."
                ),
            ),
        },
    )
    dropped = _object(
        "A source rating, or its met checkpoints, carried to no requirement "
        "of the target edition.",
        {
            "requirement_id": (_STRING, "Its requirement id in the source edition."),
            **rating,
            "checkpoints_met": (_STRINGS, "The met checkpoints dropped."),
            "reason": (_STRING, "Why it was not carried."),
            "cause": (
                _enum(DropCause),
                (
                    "Why, as a code: checkpoints means only the met checkpoints "
                    "listed were dropped."
                ),
            ),
        },
    )
    counts = _object(
        "How many outcomes of each status, and how many ratings were dropped.",
        {
            "carried": (_INTEGER, "Ratings taken over."),
            "review": (_INTEGER, "Ratings to look at again."),
            "new": (_INTEGER, "Target requirements without a source."),
            "dropped": (_INTEGER, "Source ratings carried nowhere."),
        },
    )
    body = _object(
        "An assessment carried from one edition to another.",
        {
            "goudenoor": _marker(MIGRATION_FORMAT),
            "source": (_STRING, "The edition id migrated from."),
            "target": (_STRING, "The edition id migrated to."),
            "organisation": (_STRING, "The audited organisation's name."),
            "date": (_DATE, "The audit's date (ISO 8601)."),
            "counts": (counts, "The outcomes counted."),
            "outcomes": (
                _array(outcome),
                "One per requirement of the target edition, in its order.",
            ),
            "dropped": (
                _array(dropped),
                "Source ratings carried nowhere, in the source's order.",
            ),
        },
    )
    return _document("migration-1", MIGRATION_FORMAT, "goudenoor migration", body)


def consensus_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``consensus/1``: what
    ``Consensus.as_dict()`` returns.
    """
    verdict = {"anyOf": [_NUMBER, {"const": "n/a"}, {"type": "null"}]}
    disagreement = _object(
        "A requirement the auditors differ on.",
        {
            "requirement_id": (_STRING, "The requirement's id."),
            "area_id": (_STRING, "Its area's id."),
            "kind": (
                _enum(DisagreementKind),
                (
                    "not_applicable (some hold it not applicable, others rate it), "
                    "unrated (some left it unrated) or spread (values far apart)."
                ),
            ),
            "spread": (_INTEGER, "Scale steps between the lowest and highest value."),
            "agreed": (
                _NUMBER_OR_NULL,
                "The agreed value; null where it stays unrated.",
            ),
            "values": (
                {"type": "object", "additionalProperties": verdict},
                (
                    'Each auditor\'s verdict (auditor to a number, "n/a" or '
                    "null for unrated)."
                ),
            ),
        },
    )
    body = _object(
        "The agreed assessment of an audit team, and where they differ.",
        {
            "goudenoor": _marker(CONSENSUS_FORMAT),
            "edition": (_STRING, "The edition the assessments were made against."),
            "organisation": (_STRING, "The audited organisation's name."),
            "date": (_DATE, "The agreed assessment's date (ISO 8601)."),
            "scale": (_STRING, "The id of the scale the values are on."),
            "rule": (_STRING, "The consensus rule's name."),
            "spread": (
                _INTEGER,
                "The scale steps from which a spread is a disagreement.",
            ),
            "auditors": (_STRINGS, "The auditor(s) of each input, in order."),
            "alpha": (
                _NUMBER_OR_NULL,
                "Krippendorff's alpha (ordinal) over all requirements, or null.",
            ),
            "alpha_by_area": (
                {"type": "object", "additionalProperties": _NUMBER_OR_NULL},
                "Area id to alpha over its requirements (null where undefined).",
            ),
            "disagreements": (
                _array(disagreement),
                "By spread (largest first), then in the standard's order.",
            ),
            "agreed": (
                {"type": "object", "additionalProperties": verdict},
                (
                    'Each rated requirement\'s agreed value: a number, "n/a" '
                    "or null (unrated)."
                ),
            ),
        },
    )
    return _document("consensus-1", CONSENSUS_FORMAT, "goudenoor consensus", body)


def rollup_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``rollup/1``: what
    ``Rollup.as_dict()`` returns and ``goudenoor rollup --format json``
    prints.
    """
    unit = _object(
        "One unit's own audit.",
        {
            "unit": (_STRING, "The unit's name."),
            "date": (_DATE, "Its audit's date (ISO 8601)."),
            "weight": (
                _NUMBER_OR_NULL,
                "Its weight in the weighted mean; null under the min rule.",
            ),
            "total": (_NUMBER, "Its own total points."),
            "level": (_STRING_OR_NULL, "Its own recognition level, or null."),
        },
    )
    area = _object(
        "One area over the units.",
        {
            "area_id": (_STRING, "The area's id."),
            "name": (_STRING, "Its name."),
            "kind": ({"enum": ["organisation", "result"]}, "organisation or result."),
            "points": (
                _NUMBER,
                "The rolled-up points: the weighted mean, or the lowest under min.",
            ),
            "max_points": (_NUMBER, "The area's points in the standard."),
            "fraction": (_NUMBER, "points / max_points."),
            "min": (_NUMBER, "The lowest of the units' points."),
            "max": (_NUMBER, "The highest of the units' points."),
            "weakest_unit": (
                _STRING,
                "The unit with the lowest points (the first given on a tie).",
            ),
            "by_unit": (
                {"type": "object", "additionalProperties": _NUMBER},
                "Each unit's points on the area (unit to points).",
            ),
        },
    )
    gap = scorecard_schema()["properties"]["gaps"]["items"]
    body = _object(
        "The units of one organisation and edition rolled up into one picture.",
        {
            "goudenoor": _marker(ROLLUP_FORMAT),
            "organisation": (_STRING, "The organisation's name."),
            "edition": (_STRING, "The edition the units were scored against."),
            "rule": (_enum(RollupRule), "weighted-mean or min."),
            "units": (_array(unit), "Each unit, in the order given."),
            "points": (_points(), "The rolled-up points."),
            "level": (
                _STRING_OR_NULL,
                "The recognition level of the rolled-up points, or null.",
            ),
            "gaps": (
                _array(gap),
                "The unmet conditions of the next level, on the rolled-up points.",
            ),
            "areas": (_array(area), "Each area over the units, in area order."),
        },
    )
    return _document("rollup-1", ROLLUP_FORMAT, "goudenoor roll-up", body)


def _portfolio_rows() -> dict[str, dict[str, Any]]:
    common: _Fields = {
        "organisation": (_STRING, "The audited organisation's name."),
        "unit": (_STRING_OR_NULL, "The unit audited (site, team), or null."),
        "edition": (_STRING, "The edition scored against, for example gos-2012."),
        "date": (_DATE, "The audit's date (ISO 8601)."),
        "source": (_STRING_OR_NULL, "The file the assessment was read from, or null."),
    }
    level = (_STRING_OR_NULL, "The recognition level the assessment reached, or null.")
    total: _Fields = {
        **common,
        "points": (_NUMBER, "The total points."),
        "organisation_points": (_NUMBER, "Points on the organisation areas."),
        "result_points": (_NUMBER, "Points on the result areas."),
        "max_points": (_NUMBER, "The edition's maximum points."),
        "share": (_NUMBER, "points / max_points (0 when the maximum is 0)."),
        "level": level,
    }
    area: _Fields = {
        **common,
        "area_id": (_STRING, "The area's id."),
        "area_name": (_STRING, "The area's name."),
        "kind": (_enum(AreaKind), "organisation or result."),
        "points": (_NUMBER, "The area's points."),
        "max_points": (_NUMBER, "The area's points in the standard."),
        "share": (_NUMBER, "The area's fraction: points / max_points."),
        "level": level,
    }
    requirement: _Fields = {
        **common,
        "requirement_id": (_STRING, "The requirement's id."),
        "area_id": (_STRING, "Its area's id."),
        "status": (_enum(RequirementStatus), "How the requirement was scored."),
        "value": (_NUMBER_OR_NULL, "The rating's value, or null."),
        "points": (_NUMBER, "The points it contributes to its area."),
        "max_points": (_NUMBER, "The most it can contribute."),
        "share": (
            _NUMBER_OR_NULL,
            "The fraction earned, or null where not applicable.",
        ),
        "level": level,
    }
    fields = {"total": total, "area": area, "requirement": requirement}
    return {
        f"{name}-row": _object(f"One row of the {name} level.", row)
        for name, row in fields.items()
    }


def portfolio_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``portfolio/1``: what
    ``goudenoor portfolio --format json`` prints. The rows' keys are the
    level's columns (:data:`goudenoor.portfolio.COLUMNS`) in order.
    """
    rows = _portfolio_rows()
    refused = _object(
        "A file that could not be loaded.",
        {
            "path": (_STRING, "The file."),
            "error": (_STRING, "Its error message."),
        },
    )
    body = _object(
        "A portfolio's scores as a tidy table, and the files refused.",
        {
            "goudenoor": _marker(PORTFOLIO_FORMAT),
            "level": (
                {"enum": list(COLUMNS)},
                "One row per assessment (total), per area or per requirement.",
            ),
            "columns": (_STRINGS, "The level's columns, in order."),
            "rows": (
                _array({"anyOf": [{"$ref": f"#/$defs/{name}"} for name in rows]}),
                "The rows, in file order; each has the level's columns as keys.",
            ),
            "refused": (
                _array(refused),
                "Each file that could not be loaded, with its error, in order.",
            ),
        },
    )
    # Each level's columns and row shape, pinned.
    body["allOf"] = [
        {
            "if": {"properties": {"level": {"const": level}}},
            "then": {
                "properties": {
                    "columns": {"const": list(columns)},
                    "rows": {"items": {"$ref": f"#/$defs/{level}-row"}},
                }
            },
        }
        for level, columns in COLUMNS.items()
    ]
    body["$defs"] = rows
    return _document("portfolio-1", PORTFOLIO_FORMAT, "goudenoor portfolio", body)


_RANK: dict[str, Any] = {"type": "number", "minimum": 0, "maximum": 100}


def percentile_ranks_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``percentile-ranks/1``: what
    ``PercentileRanks.as_dict()`` returns and ``goudenoor benchmark
    --format json`` prints.
    """
    body = _object(
        "Where one audit stands among the audits of its standard (edition and "
        "extensions).",
        {
            "goudenoor": _marker(PERCENTILE_RANKS_FORMAT),
            "organisation": (_STRING, "The audited organisation's name."),
            "unit": (_STRING_OR_NULL, "The unit audited (site, team), or null."),
            "edition": (_STRING, "The edition, for example gos-2012."),
            "date": (_DATE, "The audit's date (ISO 8601)."),
            "peers": (
                {"type": "integer", "minimum": 1},
                "How many audits of the edition it was ranked among.",
            ),
            "left_out": (
                _INTEGER,
                (
                    "How many audits of other standards (another edition, or other "
                    "extensions by id or content) were left out."
                ),
            ),
            "total": (
                _RANK,
                (
                    "The percentile rank of the total points: 100 * (below + "
                    "ties / 2) / peers."
                ),
            ),
            "extensions": (
                _STRINGS,
                "The extensions of the standard, in order (the peers have the same).",
            ),
            "areas": (
                {"type": "object", "additionalProperties": _RANK},
                "Area id to the percentile rank of the area's points, in area order.",
            ),
        },
    )
    return _document(
        "percentile-ranks-1",
        PERCENTILE_RANKS_FORMAT,
        "goudenoor percentile ranks",
        body,
    )


def trend_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``trend/1``: what ``Trend.as_dict()``
    returns and ``goudenoor trend --format json`` prints.
    """
    change: _Fields = {
        "first": (
            _NUMBER_OR_NULL,
            "The points in the first audit (null if its edition has no such area).",
        ),
        "last": (_NUMBER_OR_NULL, "The points in the last audit (idem)."),
        "change": (_NUMBER_OR_NULL, "last - first, or null if either is missing."),
    }
    audit = _object(
        "One audit.",
        {
            "date": (_DATE, "The audit's date (ISO 8601)."),
            "edition": (_STRING, "Its edition."),
            "total": (_NUMBER, "Its total points."),
            "level": (_STRING_OR_NULL, "The recognition level reached, or null."),
        },
    )
    body = _object(
        "One organisation's audits over the years.",
        {
            "goudenoor": _marker(TREND_FORMAT),
            "organisation": (_STRING, "The organisation's name."),
            "unit": (_STRING_OR_NULL, "The unit, if the audits have one, or null."),
            "history": (_array(audit), "Each audit, in date order."),
            "first_date": (_DATE, "The first audit's date."),
            "last_date": (_DATE, "The last audit's date."),
            "total": (
                _object("The total points first, last and the change.", change),
                "The total points first, last and the change.",
            ),
            "areas": (
                _array(
                    _object(
                        "One area from the first audit to the last.",
                        {"area_id": (_STRING, "The area's id."), **change},
                    )
                ),
                (
                    "The last audit's areas in order, then those only the first "
                    "audit's edition has."
                ),
            ),
            "warnings": (
                _STRINGS,
                "What a reader should know (editions that differ).",
            ),
        },
    )
    return _document("trend-1", TREND_FORMAT, "goudenoor trend", body)


def _spread(what: str) -> dict[str, Any]:
    return _object(
        f"The spread of {what}; the quartiles by Python's "
        "statistics.quantiles(method='inclusive').",
        {
            "count": (_INTEGER, "How many numbers."),
            "min": (_NUMBER, "The lowest."),
            "lower_quartile": (_NUMBER, "The 25th percentile."),
            "median": (_NUMBER, "The middle."),
            "upper_quartile": (_NUMBER, "The 75th percentile."),
            "max": (_NUMBER, "The highest."),
            "mean": (_NUMBER, "The arithmetic mean."),
        },
    )


def portfolio_summary_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``portfolio-summary/1``: what
    ``PortfolioSummary.as_dict()`` returns and ``goudenoor portfolio
    --summary --format json`` prints.
    """
    level = _object(
        "A recognition level and how many assessments reached it.",
        {
            "level": (_STRING, "The level's name."),
            "count": (_INTEGER, "How many assessments have it as their highest."),
        },
    )
    area = _object(
        "One area over the edition's assessments.",
        {
            "area_id": (_STRING, "The area's id."),
            "name": (_STRING, "Its name."),
            "kind": ({"enum": ["organisation", "result"]}, "organisation or result."),
            "max_points": (_NUMBER, "The area's points in the standard."),
            "points": (_spread("the assessments' points on it"), "Their spread."),
        },
    )
    edition = _object(
        "The assessments of one standard: an edition and its extensions, by "
        "content (never mixed).",
        {
            "edition": (_STRING, "The edition's id."),
            "extensions": (_STRINGS, "The extensions applied, in order."),
            "standard": (
                {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                (
                    "The standard's fingerprint: SHA-256 of its content (edition "
                    "and extensions)."
                ),
            ),
            "shares_name": (
                _BOOLEAN,
                (
                    "Whether another group has the same edition and extension ids "
                    "with other content (another extension file with the same id)."
                ),
            ),
            "scheme": (_STRING, "The id of the recognition scheme."),
            "max_points": (_NUMBER, "The edition's maximum total."),
            "assessments": (_INTEGER, "How many assessments."),
            "totals": (_spread("the total points"), "The spread of the totals."),
            "levels": (
                _array(level),
                "Every level of the scheme, lowest first, with its count.",
            ),
            "no_level": (_INTEGER, "How many assessments reached no level."),
            "areas": (_array(area), "Each area's spread, in area order."),
        },
    )
    body = _object(
        "A portfolio of assessments in figures, per edition.",
        {
            "goudenoor": _marker(PORTFOLIO_SUMMARY_FORMAT),
            "assessments": (_INTEGER, "How many assessments, over all editions."),
            "refused": (_INTEGER, "How many files were refused."),
            "editions": (_array(edition), "One summary per edition, by edition id."),
        },
    )
    return _document(
        "portfolio-summary-1",
        PORTFOLIO_SUMMARY_FORMAT,
        "goudenoor portfolio summary",
        body,
    )


def editions_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``editions/1``: what ``goudenoor
    editions --format json`` prints.
    """
    edition = _object(
        "One edition the package ships.",
        {
            "id": (_STRING, "The edition's id, for example gos-2012."),
            "title": (_STRING, "Its title."),
            "year": ({"type": "integer"}, "The year it was published."),
            "areas": (_INTEGER, "How many areas it has."),
            "requirements": (_INTEGER, "How many requirements it has."),
            "translations": (
                _STRINGS,
                "The languages it is translated into (the package's translations).",
            ),
        },
    )
    body = _object(
        "The editions of the Gouden Oor Standaard the package ships.",
        {
            "goudenoor": _marker(EDITIONS_FORMAT),
            "editions": (_array(edition), "Each edition, oldest first."),
        },
    )
    return _document("editions-1", EDITIONS_FORMAT, "goudenoor editions", body)


def standard_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``standard/1``: what ``goudenoor
    show EDITION --format json`` prints (an edition, with its extensions
    applied, in the shape of the edition files; with an area, only that
    area), derived from the model classes so that it cannot drift from
    them.
    """
    return model_schema(Standard, STANDARD_FORMAT, "standard-1", "goudenoor standard")


def extensions_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``extensions/1``: what ``goudenoor
    extensions --format json`` prints.
    """
    name = (_STRING, "The name the pack is installed under (its entry point).")
    package = (_STRING, "The distribution that installs it, or '?' if unknown.")
    loaded = _object(
        "A pack that loads.",
        {
            "name": name,
            "package": package,
            "package_version": (
                _STRING_OR_NULL,
                "The distribution's version, or null if unknown.",
            ),
            "title": (_STRING, "The extension's title."),
            "version": (_STRING, "The extension's own version."),
            "targets": (_STRINGS, "The editions it extends."),
        },
    )
    broken = _object(
        "A pack that does not load.",
        {
            "name": name,
            "package": package,
            "error": (_STRING, "Why it does not load."),
        },
    )
    body = _object(
        "The sector packs installed (entry point group goudenoor.extensions).",
        {
            "goudenoor": _marker(EXTENSIONS_FORMAT),
            "extensions": (
                _array({"oneOf": [loaded, broken]}),
                "Each pack, by name: loaded, or with the error that stops it.",
            ),
        },
    )
    return _document("extensions-1", EXTENSIONS_FORMAT, "goudenoor extensions", body)


def validation_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``validation/1``: what ``goudenoor
    validate FILE... --format json`` prints.
    """
    checked = _object(
        "One file checked.",
        {
            "file": (_STRING, "The file as named ('<stdin>' for '-')."),
            "valid": (_BOOLEAN, "Whether it loads without a problem."),
            "error": (_STRING, "What is wrong with it (only when it is not valid)."),
        },
        optional=("error",),
    )
    checked |= {
        "if": {"properties": {"valid": {"const": False}}},
        "then": {"required": ["error"]},
        "else": {"not": {"required": ["error"]}},
    }
    body = _object(
        "The files goudenoor validate checked.",
        {
            "goudenoor": _marker(VALIDATION_FORMAT),
            "files": (_array(checked), "Each file, in the order given."),
        },
    )
    return _document("validation-1", VALIDATION_FORMAT, "goudenoor validation", body)


def graph_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of ``graph/1``: what
    :func:`goudenoor.audit.to_json` returns and ``goudenoor graph --format
    json`` prints (networkx's node-link data), for the influence graph and
    the structure graph (``--structure``), with an audit's points or
    without.
    """
    attributes = _object(
        "The graph's attributes.",
        {
            "edition": (_STRING, "The edition's id."),
            "title": (_STRING, "The edition's title."),
            "extensions": (
                _STRING,
                "The extensions applied, comma-separated (only when there are).",
            ),
            "organisation": (_STRING, "The audited organisation (with an audit)."),
            "date": (_DATE, "The audit's date (with an audit)."),
            "total": (_NUMBER, "The audit's total points (with an audit)."),
            "level": (
                _STRING,
                "The recognition level reached, empty if none (with an audit).",
            ),
        },
        optional=("extensions", "organisation", "date", "total", "level"),
    )
    node = _object(
        "An area (the influence graph's nodes; also in the structure graph), or "
        "the edition, a theme, a requirement or a checkpoint (the structure graph).",
        {
            "id": (
                _STRING,
                (
                    "The node's id: an area id ('5') in the influence graph; "
                    "'edition:ID', 'area:5', 'theme:5:NAME', 'requirement:5.1' "
                    "or 'checkpoint:5.1.a' in the structure graph."
                ),
            ),
            "label": (_STRING, "What to show on the node."),
            "type": (
                {"enum": ["edition", "area", "theme", "requirement", "checkpoint"]},
                "What the node is (the structure graph only).",
            ),
            "kind": (_enum(AreaKind), "An area's kind."),
            "name": (_STRING, "An area's name (the influence graph)."),
            "max_points": (_NUMBER, "The points an area (or requirement) can give."),
            "text": (_STRING, "A requirement's or checkpoint's text."),
            "source": (_STRING, "The id of the source a requirement comes from."),
            "points": (_NUMBER, "The points the audit earned (with an audit)."),
            "share": (
                _NUMBER,
                "points / max_points, 0 to 1 (with an audit, where it applies).",
            ),
            "status": (
                _enum(RequirementStatus),
                "How a requirement was rated (with an audit).",
            ),
        },
        optional=(
            "type",
            "kind",
            "name",
            "max_points",
            "text",
            "source",
            "points",
            "share",
            "status",
        ),
    )
    edge = _object(
        "An influence (organisation area to result area), or a part of the tree.",
        {
            "source": (_STRING, "The id of the node it starts from."),
            "target": (_STRING, "The id of the node it goes to."),
            "strength": (_enum(InfluenceStrength), "An influence's strength."),
            "rationale": (_STRING, "Why the influence exists."),
        },
        optional=("strength", "rationale"),
    )
    body = _object(
        "An edition's influence or structure graph as networkx node-link data "
        "(read it with networkx.node_link_graph(data, edges='edges')).",
        {
            "goudenoor": _marker(GRAPH_FORMAT),
            "directed": ({"const": True}, "Always true: edges have a direction."),
            "multigraph": ({"const": False}, "Always false."),
            "graph": (attributes, "The graph's attributes."),
            "nodes": (_array(node), "Every node."),
            "edges": (_array(edge), "Every edge."),
        },
    )
    return _document("graph-1", GRAPH_FORMAT, "goudenoor graph", body)
