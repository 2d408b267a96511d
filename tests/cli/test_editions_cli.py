"""
The commands for editions over time: ``diff``, ``migrate``, ``schema
crosswalk``, and ``compare`` across editions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
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
        assert (0, migration.text()) == (code, out)
        assert out.startswith("Woonstichting Lindewaard: gos-2012 -> gos-2016\n")

    def test_json(self) -> None:
        code, out = run(*MIGRATE, "--format", "json")

        data = json.loads(out)
        assert (0, "migration/1") == (code, data["goudenoor"])
        assert {"carried": 15, "review": 15, "new": 9, "dropped": 2} == data["counts"]

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
        assert "carried (15):" in out
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
        assert "to review (0):\nnew (unrated) (0):\ndropped (0):\n" in out


def test_schema_crosswalk() -> None:
    code, out = run("schema", "crosswalk")

    assert 0 == code
    assert "goudenoor crosswalk (format crosswalk/1)" == json.loads(out)["title"]
