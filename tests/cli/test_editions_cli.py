"""
The commands for editions over time: ``diff``, ``migrate``, ``schema
crosswalk``, and ``compare`` across editions.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import goudenoor as go
import goudenoor.files
from conftest import EXAMPLE_AUDIT
from goudenoor.report._migration import migration_text
from helpers import run


MIGRATE = ("migrate", str(EXAMPLE_AUDIT), "--to", "gos-2016")


class TestDiff:
    def test_text(self) -> None:
        code, out = run("diff", "gos-2012", "gos-2016")

        assert 0 == code
        std2012, std2016 = go.load_standard("gos-2012"), go.load_standard("gos-2016")
        assert go.diff_editions(std2012, std2016).text() == out

    def test_json(self) -> None:
        code, out = run("diff", "gos-2012", "gos-2016", "--format", "json")

        data = json.loads(out)
        assert (0, "edition-diff/1") == (code, data["goudenoor"])
        assert {"2", "5"} == {r["area_id"] for r in data["areas"]["renamed"]}

    def test_markdown(self) -> None:
        code, out = run("diff", "gos-2012", "gos-2016", "--format", "md")

        assert 0 == code
        assert out.startswith("# gos-2012 → gos-2016\n\n## Areas renamed (2)\n\n")
        assert "- 5: Leren & ontwikkelen → Leren & innoveren\n" in out
        # A reworded text shows the words removed and the words added.
        assert "~~" in out
        assert "**" in out

    def test_same_edition(self) -> None:
        assert (0, "# gos-2012 → gos-2012\n\nNo changes.\n") == run(
            "diff", "gos-2012", "gos-2012", "--format", "md"
        )

    def test_unknown_edition(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out = run("diff", "gos-2012", "gos-2099")

        assert (2, "") == (code, out)
        assert capsys.readouterr().err.startswith(
            "goudenoor: error: unknown edition 'gos-2099'"
        )


class TestMigrate:
    def test_report(self) -> None:
        code, out = run(*MIGRATE)

        migration = go.migrate(go.load_assessment(EXAMPLE_AUDIT), "gos-2016")
        assert (0, migration_text(migration)) == (code, out)
        assert out.startswith(
            "Woonstichting Lindewaard: gos-2012 -> gos-2016\novergenomen (15):\n"
        )
        assert "  1.9 <- 1.4 (subset), 5.7 (intersect): 2\n" in out
        assert "vervallen (7):\n  4.1 1: vervalt in gos-2016: 2012: " in out
        assert out.endswith(
            "  5.7 behaalde controlepunten 5.7.a gaan naar geen van 1.9, 5.4 "
            "(geen overeenkomend controlepunt, of te herbeoordelen)\n"
        )

    def test_report_in_english(self) -> None:
        code, out = run(*MIGRATE, "--language", "en")

        migration = go.migrate(go.load_assessment(EXAMPLE_AUDIT), "gos-2016")
        assert (0, migration_text(migration, "en")) == (code, out)
        assert out.endswith(
            "  5.7 met checkpoints 5.7.a are carried to none of 1.9, 5.4 "
            "(no corresponding checkpoint, or under review)\n"
        )

    def test_json(self) -> None:
        code, out = run(*MIGRATE, "--format", "json")

        data = json.loads(out)
        assert (0, "migration/1") == (code, data["goudenoor"])
        assert {"carried": 15, "review": 15, "new": 9, "dropped": 7} == data["counts"]

    def test_writes_the_migrated_file(self, tmp_path: Path) -> None:
        target = tmp_path / "audit-2016.yaml"

        code, _ = run(*MIGRATE, "-o", str(target))

        loaded = go.load_assessment(target)
        assert 0 == code
        assert ("gos-2016", "gos-2012") == (
            loaded.edition,
            loaded.migrated_from and loaded.migrated_from.edition,
        )

    def test_dry_run_writes_nothing(self, tmp_path: Path) -> None:
        target = tmp_path / "audit-2016.yaml"

        code, out = run(*MIGRATE, "-o", str(target), "--dry-run")

        assert 0 == code
        assert "overgenomen (15):" in out
        assert [] == list(tmp_path.iterdir())

    def test_existing_output_is_kept_without_force(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        target = tmp_path / "audit-2016.yaml"
        target.write_text("keep me\n", encoding="utf-8")

        code, out = run(*MIGRATE, "-o", str(target))

        assert (2, "") == (code, out)
        assert "keep me\n" == target.read_text(encoding="utf-8")
        assert capsys.readouterr().err.startswith(
            f"goudenoor: error: {target}: file exists; not overwritten"
        )

    def test_force_replaces_the_output(self, tmp_path: Path) -> None:
        target = tmp_path / "audit-2016.yaml"
        target.write_text("replace me\n", encoding="utf-8")

        code, _ = run(*MIGRATE, "-o", str(target), "--force")

        assert 0 == code
        assert "gos-2016" == go.load_assessment(target).edition

    def test_same_edition(self) -> None:
        code, out = run("migrate", str(EXAMPLE_AUDIT), "--to", "gos-2012")

        assert 0 == code
        assert (
            "te herbeoordelen (0):\nnieuw (niet beoordeeld) (0):\nvervallen (0):\n"
        ) in out


def test_schema_crosswalk() -> None:
    code, out = run("schema", "crosswalk")

    assert 0 == code
    assert "goudenoor crosswalk (format crosswalk/1)" == json.loads(out)["title"]


@pytest.fixture(name="across")
def _across(tmp_path: Path) -> tuple[go.ScoreCard, go.ScoreCard, Path]:
    """
    The example audit, and the same organisation a year later under
    gos-2016: migrated, with 1.2 (new in gos-2016) rated 3.
    """
    std2012, std2016 = go.load_standard("gos-2012"), go.load_standard("gos-2016")
    source = go.load_assessment(EXAMPLE_AUDIT)
    later = go.migrate(source, "gos-2016").assessment.with_ratings(
        {"1.2": go.Rating(value=3)}
    )
    later = attrs.evolve(later, date=later.date.replace(year=2027))
    path = tmp_path / "audit-2027.yaml"
    go.save_assessment(later, path)
    old = go.score(std2012, source)
    new = go.score(std2016, later, check=False)
    return old, new, path


class TestCompareAcrossEditions:
    def test_requirements_aligned_through_the_crosswalk(
        self, across: tuple[go.ScoreCard, go.ScoreCard, Path]
    ) -> None:
        """
        A gos-2016 requirement is compared with its gos-2012 sources, not
        with the gos-2012 requirement that shares its id.
        """
        old, new, _ = across
        crosswalk = go.load_crosswalk("gos-2012", "gos-2016")

        c = go.compare(old, new, crosswalk=crosswalk)
        by_id = {(r.requirement_id, r.kind): r for r in c.requirements}

        # 2016 1.3 comes from 2012 1.2 (rated 3); by id it would be 2012 1.3.
        assert ("1.2",) == by_id["1.3", "changed"].sources
        assert (3.0, 3.0) == (
            by_id["1.3", "changed"].old_value,
            by_id["1.3", "changed"].new_value,
        )
        assert ((), 3.0) == (
            by_id["1.2", "added"].sources,
            by_id["1.2", "added"].new_value,
        )
        assert {"4.1", "5.1"} == {r for r, kind in by_id if kind == "dropped"}
        assert "requirements matched by id across editions" not in c.warnings

    def test_area_change_split_into_edition_and_ratings(
        self, across: tuple[go.ScoreCard, go.ScoreCard, Path]
    ) -> None:
        """
        Per area, the change is the edition's effect plus the ratings'
        effect; the only new rating (1.2) is all of area 1's rating effect,
        and areas 4 and 5 changed through the edition alone.
        """
        old, new, _ = across

        c = go.compare(old, new, crosswalk=go.load_crosswalk("gos-2012", "gos-2016"))
        areas = {a.area_id: a for a in c.areas}

        for area in c.areas:
            assert area.edition_effect is not None
            assert area.rating_effect is not None
            assert area.delta == pytest.approx(area.edition_effect + area.rating_effect)
        assert areas["1"].rating_effect == pytest.approx(0.75)
        assert 0.0 == areas["4"].rating_effect == areas["5"].rating_effect
        assert (areas["4"].edition_effect or 0.0) < 0
        assert 0.0 == areas["2"].edition_effect

    def test_wrong_crosswalk(
        self, across: tuple[go.ScoreCard, go.ScoreCard, Path]
    ) -> None:
        old, new, _ = across

        with pytest.raises(go.GoudenoorError) as info:
            go.compare(
                new,
                old,
                crosswalk=go.load_crosswalk("gos-2012", "gos-2016"),
                allow_reverse_dates=True,
            )

        assert (
            "the crosswalk maps gos-2012 to gos-2016, the audits are of gos-2016 "
            "and gos-2012"
        ) == str(info.value)

    def test_command_uses_the_shipped_crosswalk(
        self, across: tuple[go.ScoreCard, go.ScoreCard, Path]
    ) -> None:
        _, _, path = across

        code, out = run("compare", str(EXAMPLE_AUDIT), str(path))

        assert 0 == code
        assert "  1.3               3 -> 3         -0.75 points  (from 1.2)\n" in out
        assert "area change from                     edition ratings\n" in out
        assert "matched by id" not in out

    def test_report_compare_uses_the_shipped_crosswalk(
        self,
        across: tuple[go.ScoreCard, go.ScoreCard, Path],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """
        ``report --compare`` aligns through the shipped crosswalk; without
        one it notes (in Dutch, the report's language) that requirements
        were matched by id.
        """
        _, _, path = across
        argv = ("report", str(path), "--compare", str(EXAMPLE_AUDIT))
        note = "eisen over de edities heen op nummer gekoppeld"

        code, out = run(*argv)
        monkeypatch.setattr(goudenoor.files, "crosswalks", lambda: ())
        _, without = run(*argv)

        assert 0 == code
        assert note not in out
        assert f"  {note}\n" in without

    @pytest.mark.parametrize(
        ("language", "sources", "header"),
        [
            ("nl", "(uit 1.2)", "verandering per gebied door           editie oordeel"),
            (
                "en",
                "(from 1.2)",
                "area change from                     edition ratings",
            ),
        ],
    )
    def test_report_compare_shows_sources_and_effects(
        self,
        across: tuple[go.ScoreCard, go.ScoreCard, Path],
        language: str,
        sources: str,
        header: str,
    ) -> None:
        """
        The Markdown report's comparison, in Dutch as in English, names the
        old requirements a new one was matched with and splits each area's
        change into the edition's effect and the ratings'.
        """
        _, _, path = across
        argv = ("report", str(path), "--compare", str(EXAMPLE_AUDIT))

        code, out = run(*argv, "--format", "md", "--language", language)

        assert 0 == code
        points = "punten" if language == "nl" else "points"
        assert f"3 -> 3         -0.75 {points}  {sources}\n" in out
        assert f"{header}\n" in out
        assert " 4 " in out.split(header)[1]
