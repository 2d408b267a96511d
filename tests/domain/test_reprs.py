"""
Compact reprs of the objects an embedding app prints (issue 15): the
edition, an area, a requirement and a score card name themselves and count
their parts instead of spelling out every text.
"""

from __future__ import annotations

import datetime

import attrs

import goudenoor as go
from conftest import EXAMPLE_AUDIT


def test_standard(std2012: go.Standard) -> None:
    assert (
        "<Standard gos-2012 'Gouden Oor Standaard 2012': 9 areas, 29 requirements>"
        == repr(std2012)
    )


def test_standard_with_an_extension(std2012: go.Standard) -> None:
    extension = go.Extension(
        id="demo",
        title="Demo",
        version="1",
        targets=("gos-2012",),
        remove=go.Removals(
            requirements=(
                go.RequirementRemoval(id="9.2", reason="Niet van toepassing."),
            )
        ),
    )

    extended = go.apply_extension(std2012, extension)

    assert (
        "<Standard gos-2012 'Gouden Oor Standaard 2012': 9 areas, 28 requirements, "
        "extensions demo>"
    ) == repr(extended)


def test_area(std2012: go.Standard) -> None:
    assert (
        "<Area 5 'Leren & ontwikkelen' (organisation): 7 requirements, 10 points>"
        == repr(std2012.area("5"))
    )


def test_requirement(std2012: go.Standard) -> None:
    """
    The sentence (lead and text) cut to 60 characters, and its checkpoints.
    """
    assert (
        "<Requirement 5.1 'Er is een uniform kader voor oplossingen waarmee op fee'..."
        ": 2 checkpoints>"
    ) == repr(std2012.requirement("5.1"))


def test_singular_counts() -> None:
    requirement = go.Requirement(
        id="1.1",
        text="Kort.",
        source="s",
        checkpoints=(go.Checkpoint(id="1.1.a", text="Een."),),
    )
    area = go.Area(
        number=1,
        kind="organisation",
        name="Een",
        points=2.5,
        requirements=(requirement,),
    )

    assert "<Requirement 1.1 'Kort.': 1 checkpoint>" == repr(requirement)
    assert "<Area 1 'Een' (organisation): 1 requirement, 2.5 points>" == repr(area)


def test_texts_are_quoted_safely(std2012: go.Standard) -> None:
    """
    Control characters in a title are escaped, as Python's repr does.
    """
    odd = attrs.evolve(std2012, title="Twee\nregels")

    assert repr(odd).startswith("<Standard gos-2012 'Twee\\nregels': ")


def test_score_card(example_card: go.ScoreCard) -> None:
    assert (
        "<ScoreCard gos-2012 'Woonstichting Lindewaard' 2026-10-01: "
        "50.00 of 100.00 points, level 'Gecommitteerd'>"
    ) == repr(example_card)


def test_score_card_without_a_level(std2012: go.Standard) -> None:
    audit = go.Assessment(
        edition="gos-2012", organisation="Leeg", date=datetime.date(2024, 1, 2)
    )

    card = go.score(std2012, audit, check=False)

    assert (
        "<ScoreCard gos-2012 'Leeg' 2024-01-02: 0.00 of 100.00 points, no level>"
        == repr(card)
    )


def test_short(std2012: go.Standard, example_card: go.ScoreCard) -> None:
    """
    The issue's complaint: the edition's repr was 34,000 characters.
    """
    assert all(len(repr(x)) < 120 for x in (std2012, example_card))


def test_equality_and_hash_are_kept(std2012: go.Standard) -> None:
    """
    Only __repr__ changed: attrs still compares and hashes by fields.
    """
    again = go.standard_from_mapping(go.standard_to_mapping(std2012))

    assert again == std2012
    assert hash(again.area("5")) == hash(std2012.area("5"))
    assert again.requirement("5.1") == std2012.requirement("5.1")
    assert attrs.evolve(std2012, title="Anders") != std2012
    assert go.score(std2012, go.load_assessment(EXAMPLE_AUDIT)) == go.score(
        std2012, go.load_assessment(EXAMPLE_AUDIT)
    )
