"""
The crosswalk types and their checks against two editions (pure domain).
"""

from __future__ import annotations

import attrs
import pytest

import goudenoor as go
from goudenoor.exceptions import ModelError, ValidationError
from goudenoor.problems import Problem
from goudenoor.standard._crosswalk import (
    RELATIONSHIPS,
    Crosswalk,
    CrosswalkMapping,
    NewRequirement,
    RemovedRequirement,
    check_crosswalk,
    crosswalk_problems,
)


def row(source: str, target: str, relationship: str = "equal") -> CrosswalkMapping:
    return CrosswalkMapping(
        source=source,
        target=target,
        relationship=relationship,  # type: ignore[arg-type]
        rationale=f"{source} and {target}: same words.",
    )


def walk(
    *rows: CrosswalkMapping,
    new: tuple[str, ...] = (),
    removed: tuple[str, ...] = (),
    source: str = "gos-2012",
    target: str = "gos-2016",
) -> Crosswalk:
    return Crosswalk(
        source=source,
        target=target,
        notes="The tests' reading.",
        mappings=rows,
        new=tuple(NewRequirement(target=t, rationale="nothing like it") for t in new),
        removed=tuple(RemovedRequirement(source=s, rationale="gone") for s in removed),
    )


def messages(problems: list[Problem]) -> list[str]:
    return [problem.render() for problem in problems]


def test_relationships_are_the_olir_ones() -> None:
    assert ("equal", "subset", "superset", "intersect", "not_related") == RELATIONSHIPS


def test_lookups_leave_out_not_related_rows() -> None:
    cw = walk(
        row("5.2", "1.7"),
        row("5.6", "5.6", "subset"),
        row("5.6", "5.2", "not_related"),
        row("5.5", "5.2", "intersect"),
    )
    assert ["5.5"] == [r.source for r in cw.sources_of("5.2")]
    assert ["5.6"] == [r.target for r in cw.targets_of("5.6")]
    assert () == cw.sources_of("1.1")
    assert () == cw.targets_of("9.9")


def test_a_fitting_crosswalk_has_no_problems(
    std2012: go.Standard, std2016: go.Standard
) -> None:
    cw = walk(
        row("5.2", "1.7"),
        row("5.6", "5.6", "subset"),
        row("5.6", "1.1", "not_related"),
        new=("1.1",),
        removed=("1.4",),
    )
    assert [] == crosswalk_problems(cw, std2012, std2016)
    check_crosswalk(cw, std2012, std2016)


def test_edition_ids_must_match_the_standards(
    std2012: go.Standard, std2016: go.Standard
) -> None:
    cw = walk(row("9.9", "9.9"), source="gos-2016", target="gos-2012")
    assert (
        [
            (
                "source: crosswalk maps from edition 'gos-2016', "
                "the source standard is 'gos-2012'"
            ),
            (
                "target: crosswalk maps to edition 'gos-2012', "
                "the target standard is 'gos-2016'"
            ),
        ]
    ) == messages(crosswalk_problems(cw, std2012, std2016))


def test_every_problem_is_reported_with_its_path(
    std2012: go.Standard, std2016: go.Standard
) -> None:
    cw = walk(
        row("5.8", "1.7"),
        row("5.2", "1.11"),
        row("5.2", "1.7"),
        row("5.2", "1.7", "subset"),
        new=("1.7", "1.8", "1.8"),
        removed=("5.2", "0.1"),
    )
    assert (
        [
            (
                "mappings[0].source: unknown requirement '5.8' in gos-2012; "
                "did you mean '5.7', '5.6', '5.5'?"
            ),
            (
                "mappings[1].target: unknown requirement '1.11' in gos-2016; "
                "did you mean '1.1', '1.10'?"
            ),
            "mappings[3]: duplicate mapping '5.2' -> '1.7' (also mappings[2])",
            "new[0].target: '1.7' is listed as new but is the target of mappings[0]",
            "new[2].target: duplicate '1.8' (also new[1])",
            (
                "removed[0].source: '5.2' is listed as removed but is the source of "
                "mappings[1]"
            ),
            (
                "removed[1].source: unknown requirement '0.1' in gos-2012; "
                "did you mean '9.1', '8.1', '7.1'?"
            ),
        ]
    ) == messages(crosswalk_problems(cw, std2012, std2016))


def test_check_crosswalk_raises_with_every_problem(
    std2012: go.Standard, std2016: go.Standard
) -> None:
    cw = Crosswalk(
        source="gos-2012",
        target="gos-2016",
        notes="n",
        mappings=(row("5.8", "1.7"), row("5.2", "1.17")),
        origin="cw.yaml",
    )
    with pytest.raises(ValidationError) as caught:
        check_crosswalk(cw, std2012, std2016)
    assert (
        "2 problems in cw.yaml:\n"
        "  cw.yaml mappings[0].source: unknown requirement '5.8' in gos-2012; "
        "did you mean '5.7', '5.6', '5.5'?\n"
        "  cw.yaml mappings[1].target: unknown requirement '1.17' in gos-2016; "
        "did you mean '1.7', '1.1', '1.10'?"
    ) == (str(caught.value))


def test_a_not_related_row_does_not_count_as_mapped(
    std2012: go.Standard, std2016: go.Standard
) -> None:
    cw = walk(row("1.4", "1.9", "not_related"), new=("1.9",), removed=("1.4",))
    assert [] == crosswalk_problems(cw, std2012, std2016)


def test_rows_check_their_own_fields() -> None:
    with pytest.raises(ModelError) as caught:
        CrosswalkMapping(
            source=" ",
            target="1.1",
            relationship="same",  # type: ignore[arg-type]
            rationale="",
        )
    assert (
        "source: must not be empty; rationale: must not be empty; "
        "relationship: unknown relationship 'same' (expected one of "
        "['equal', 'subset', 'superset', 'intersect', 'not_related'])"
    ) == (str(caught.value))
    with pytest.raises(ModelError, match=r"^notes: must not be empty$"):
        Crosswalk(source="gos-2012", target="gos-2016", notes=" ")
    with pytest.raises(ModelError, match=r"^rationale: must not be empty$"):
        NewRequirement(target="1.1", rationale="")
    with pytest.raises(ModelError, match=r"^source: must not be empty$"):
        RemovedRequirement(source="", rationale="r")


def test_equality_ignores_where_a_crosswalk_was_read_from() -> None:
    cw = walk(row("5.2", "1.7"))
    assert attrs.evolve(cw, origin="a.yaml") == cw
    assert hash(attrs.evolve(cw, origin="a.yaml")) == hash(cw)
