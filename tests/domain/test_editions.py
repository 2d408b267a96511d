"""
The shipped editions: counts, points, names and fidelity to the sources.
"""

from __future__ import annotations

import re

import pytest

import goudenoor as go
from conftest import SOURCES
from helpers import normalise


EVIDENCE_OPENINGS = (
    "Dat blijkt onder meer uit",
    "Dit blijkt uit",
    "Dat blijkt bijvoorbeeld uit",
    "Dat blijkt uit",
    "Dit blijkt onder meer uit",
)


def source_text(name: str) -> str:
    """
    The whitespace-normalised text of a source file.
    """
    return normalise((SOURCES / name).read_text(encoding="utf-8"))


def all_requirements() -> list[tuple[str, go.Requirement]]:
    """
    Every requirement of every shipped edition, with its edition id.
    """
    return [
        (edition, requirement)
        for edition in go.editions()
        for requirement in go.load_standard(edition).requirements
    ]


class TestEditions:
    def test_ids(self) -> None:
        """
        Both editions are shipped, oldest first.
        """
        assert ("gos-2012", "gos-2016") == go.editions()

    def test_default_is_newest(self) -> None:
        """
        Without an argument the newest edition is loaded.
        """
        assert "gos-2016" == go.load_standard().id

    def test_cached(self) -> None:
        """
        A second load returns the very same (immutable) object.
        """
        assert go.load_standard("gos-2012") is go.load_standard("gos-2012")

    def test_unknown_edition(self) -> None:
        """
        An unknown edition id names the known ones.
        """
        with pytest.raises(go.UnknownEditionError) as info:
            go.load_standard("gos-2013")

        assert (
            "unknown edition 'gos-2013'; did you mean 'gos-2012', 'gos-2016'?"
            == str(info.value)
        )


class TestGos2012:
    def test_done_means(self, std2012: go.Standard) -> None:
        """
        The issue's acceptance line: area 5's name and 29 requirements.
        """
        assert ("Leren & ontwikkelen", 29) == (
            std2012.area("5").name,
            len(std2012.requirements),
        )

    def test_areas(self, std2012: go.Standard) -> None:
        """
        Nine areas with the 2012 names, kinds, points and counts.
        """
        expected = [
            ("1", "organisation", "Stem van de klant", 10.0, 5),
            ("2", "organisation", "Sturing", 20.0, 4),
            ("3", "organisation", "Medewerkers", 20.0, 3),
            ("4", "organisation", "Middelen", 10.0, 2),
            ("5", "organisation", "Leren & ontwikkelen", 10.0, 7),
            ("6", "result", "Vertrouwen & reputatie", 10.0, 2),
            ("7", "result", "Retentie & meerwaarde", 5.0, 2),
            ("8", "result", "Verbonden medewerkers", 5.0, 2),
            ("9", "result", "Beter producten & processen", 10.0, 2),
        ]

        assert expected == [
            (a.id, a.kind, a.name, a.points, len(a.requirements)) for a in std2012.areas
        ]
        assert not any(a.points_assumed for a in std2012.areas)

    def test_point_totals(self, std2012: go.Standard) -> None:
        """
        70 organisation points and 30 result points make 100.
        """
        assert (70.0, 30.0, 100.0) == (
            sum(a.points for a in std2012.organisation_areas),
            sum(a.points for a in std2012.result_areas),
            std2012.max_points,
        )

    def test_area_5_themes(self, std2012: go.Standard) -> None:
        """
        Area 5 has Escaleren (2), Evalueren (1) and Leren (4).
        """
        area = std2012.area("5")

        assert [("Escaleren", 2), ("Evalueren", 1), ("Leren", 4)] == [
            (t.name, len(area.theme_requirements(t.name))) for t in area.themes
        ]

    def test_area_9_alias(self, std2012: go.Standard) -> None:
        """
        Area 9 is found by the brochure's name too, in any case.
        """
        assert "9" == std2012.area("proces & productverbetering").id

    def test_summary_sources(self, std2012: go.Standard) -> None:
        """
        Areas other than 5 come from the summary text, area 5 from the
        detailed text of area 5.
        """
        sources = {a.id: {r.source for r in a.requirements} for a in std2012.areas}

        assert {"serviceexcellence-5-leren-ontwikkelen"} == sources.pop("5")
        assert all(
            {"serviceexcellence-go-standaard-eisen"} == s for s in sources.values()
        )


class TestGos2016:
    def test_counts(self, std2016: go.Standard) -> None:
        """
        Areas 1, 4 and 5 in detail; the others inherited from 2012.
        """
        assert [10, 4, 3, 8, 6, 2, 2, 2, 2] == [
            len(a.requirements) for a in std2016.areas
        ]

    def test_themes(self, std2016: go.Standard) -> None:
        """
        The 2016 themes of areas 1, 4 and 5 with their sizes.
        """
        themes = {
            a.id: [(t.name, len(a.theme_requirements(t.name))) for t in a.themes]
            for a in std2016.areas
            if a.id in {"1", "4", "5"}
        }

        assert {
            "1": [
                ("Systematisch luisteren", 2),
                ("Klantgedreven inrichting", 7),
                ("Congruente klantbeleving", 1),
            ],
            "4": [],
            "5": [("Evalueren", 1), ("Leren", 3), ("Innoveren", 2)],
        } == themes

    def test_names(self, std2016: go.Standard) -> None:
        """
        Area 2 is Leiderschap (alias Sturing), area 5 Leren & innoveren.
        """
        assert ("Leiderschap", "Leren & innoveren") == (
            std2016.area("Sturing").name,
            std2016.area("leren & ontwikkelen").name,
        )

    def test_points_assumed(self, std2012: go.Standard, std2016: go.Standard) -> None:
        """
        2016 points equal 2012's and are marked as assumed.
        """
        assert [a.points for a in std2012.areas] == [a.points for a in std2016.areas]
        assert all(a.points_assumed for a in std2016.areas)

    def test_inherited(self, std2012: go.Standard, std2016: go.Standard) -> None:
        """
        Areas 2, 3, 6-9 are 2012's requirements, marked as inherited.
        """
        for area_id in ("2", "3", "6", "7", "8", "9"):
            new = std2016.area(area_id).requirements
            old = std2012.area(area_id).requirements

            assert all(r.inherited_from == "gos-2012" for r in new)
            assert [
                (r.id, r.lead, r.text, r.evidence, r.checkpoints, r.source) for r in old
            ] == [
                (r.id, r.lead, r.text, r.evidence, r.checkpoints, r.source) for r in new
            ]

    def test_own_requirements_not_inherited(self, std2016: go.Standard) -> None:
        """
        The requirements of areas 1, 4 and 5 are 2016's own.
        """
        own = [r for a in ("1", "4", "5") for r in std2016.area(a).requirements]

        assert 24 == len(own)
        assert all(r.inherited_from is None for r in own)


READABLE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A source id a reader can read: words of the publisher and the page."""


class TestSources:
    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_readable_ids(self, edition: str) -> None:
        """
        Every source has a readable id (publisher and page), never the file
        name of a stored copy; the stored copy is named beside it.
        """
        sources = go.load_standard(edition).sources

        assert [] == [s.id for s in sources if not READABLE_ID.fullmatch(s.id)]
        assert [] == [s.id for s in sources if s.id.endswith(".txt")]

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_stored_copies(self, edition: str) -> None:
        """
        Every source a requirement comes from names its stored copy, and
        every stored copy named is one of the source texts.
        """
        std = go.load_standard(edition)
        used = {r.source for r in std.requirements}
        copies = {s.id: s.stored_copy for s in std.sources if s.stored_copy}

        assert used <= set(copies)
        assert all((SOURCES / copy).is_file() for copy in copies.values())

    def test_the_five_source_texts(
        self, std2012: go.Standard, std2016: go.Standard
    ) -> None:
        """
        The five source texts, each by its publisher and page.
        """
        copies = {
            s.stored_copy: s.id for std in (std2012, std2016) for s in std.sources
        }
        copies.pop(None, None)

        assert {
            "000_088f060c5db4799f.txt": "serviceexcellence-5-leren-ontwikkelen",
            "001_ac908ca15a517f5a.txt": "goudenoor-1-stem-van-de-klant",
            "002_c653e29114d56cdd.txt": "goudenoor-5-leren-ontwikkelen",
            "003_36d2ce7a5b6e5d75.txt": "goudenoor-4-middelen",
            "004_1b52b3c0280bd996.txt": "serviceexcellence-go-standaard-eisen",
        } == copies


class TestFidelity:
    @pytest.mark.parametrize(
        ("edition", "requirement"),
        all_requirements(),
        ids=lambda v: v if isinstance(v, str) else v.id,
    )
    def test_verbatim(self, edition: str, requirement: go.Requirement) -> None:
        """
        Text, lead and evidence are the source's words; checkpoints are
        words of the evidence.
        """
        std = go.load_standard(edition)
        copy = std.source(requirement.source).stored_copy
        assert copy is not None
        source = source_text(copy)

        assert normalise(requirement.text) in source
        if requirement.lead is not None:
            assert normalise(requirement.lead) in source
        if requirement.evidence is None:
            assert () == requirement.checkpoints
        else:
            evidence = normalise(requirement.evidence)

            assert evidence in source
            assert evidence.startswith(EVIDENCE_OPENINGS)
            assert requirement.checkpoints
            for checkpoint in requirement.checkpoints:
                assert normalise(checkpoint.text) in evidence

    @pytest.mark.parametrize(
        ("edition", "requirement"),
        all_requirements(),
        ids=lambda v: v if isinstance(v, str) else v.id,
    )
    def test_no_evidence_in_text(
        self, edition: str, requirement: go.Requirement
    ) -> None:
        """
        No evidence clause was left inside a requirement's text.
        """
        assert not any(opening in requirement.text for opening in EVIDENCE_OPENINGS)

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_summaries_verbatim(self, edition: str) -> None:
        """
        Every area summary occurs in the 2012 summary text.
        """
        std = go.load_standard(edition)
        copy = std.source("serviceexcellence-go-standaard-eisen").stored_copy
        assert "004_1b52b3c0280bd996.txt" == copy
        source = source_text(copy)
        for area in std.areas:
            if area.summary is not None:
                assert normalise(area.summary) in source

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_requirement_numbering(self, edition: str) -> None:
        """
        Requirements are numbered 1.. through each area, in order.
        """
        for area in go.load_standard(edition).areas:
            assert [f"{area.id}.{n}" for n in range(1, len(area.requirements) + 1)] == [
                r.id for r in area.requirements
            ]

    def test_no_footer(self) -> None:
        """
        The site footer is not part of any text.
        """
        texts = [r.text for _, r in all_requirements()]

        assert not [t for t in texts if re.search(r"Service Excellence\s*$", t)]


SHARED_SOURCES = SOURCES.parents[2].parent / "shared" / "sources"


@pytest.mark.skipif(
    not SHARED_SOURCES.is_dir(), reason="../shared/sources is not next to this checkout"
)
def test_source_copies_match_shared() -> None:
    """
    The test copies of the source texts are the project's source texts.
    """
    shared = {p.name: p.read_bytes() for p in SHARED_SOURCES.glob("*.txt")}

    assert shared == {p.name: p.read_bytes() for p in SOURCES.glob("*.txt")}
