"""
Crosswalks from the shipped data and from files of your own, moving an
assessment to another edition (``go.migrate``), and ``migrated_from`` in
the ``assessment/1`` format.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.audit._assessment import MigrationOrigin
from goudenoor.files._schemas import assessment_schema, crosswalk_schema
from goudenoor.files._template import assessment_template
from helpers import write


SHIPPED = (
    resources.files("goudenoor") / "data" / "crosswalks" / ("gos-2012--gos-2016.yaml")
)
REWRITTEN_AREAS = ("1", "4", "5")


@pytest.fixture(name="migration")
def _migration() -> go.Migration:
    return go.migrate(go.load_assessment(EXAMPLE_AUDIT), "gos-2016")


class TestLoadCrosswalk:
    def test_shipped_is_cached_and_named(self) -> None:
        """
        The shipped crosswalk loads once, knows where it came from, and is
        listed by ``crosswalks()``.
        """
        crosswalk = go.load_crosswalk("gos-2012", "gos-2016")

        assert crosswalk is go.load_crosswalk("gos-2012", "gos-2016")
        assert "gos-2012--gos-2016.yaml" == crosswalk.origin
        assert (("gos-2012", "gos-2016"),) == go.crosswalks()
        assert ("gos-2012", "gos-2016") == (crosswalk.source, crosswalk.target)

    def test_no_crosswalk_between_these_editions(self) -> None:
        with pytest.raises(go.UnknownItemError) as info:
            go.load_crosswalk("gos-2016", "gos-2012")

        assert (
            "unknown crosswalk 'gos-2016 -> gos-2012' in the shipped crosswalks "
            "(gos-2012 -> gos-2016)"
        ) == str(info.value)

    def test_unknown_edition(self) -> None:
        with pytest.raises(go.UnknownEditionError):
            go.load_crosswalk("gos-2012", "gos-2099")

    def test_own_file_equals_the_shipped(self, tmp_path: Path) -> None:
        """
        A copy of the shipped file loads, checked against the editions it
        names, to an equal crosswalk that knows its file.
        """
        path = write(tmp_path, "mine.yaml", SHIPPED.read_bytes())

        crosswalk = go.load_crosswalk_file(path)

        assert go.load_crosswalk("gos-2012", "gos-2016") == crosswalk
        assert str(path) == crosswalk.origin

    def test_own_file_with_an_unknown_edition(self, tmp_path: Path) -> None:
        text = SHIPPED.read_text(encoding="utf-8").replace(
            "\ntarget: gos-2016\n", "\ntarget: gos-2099\n"
        )
        path = write(tmp_path, "mine.yaml", text)

        with pytest.raises(go.ValidationError) as info:
            go.load_crosswalk_file(path)

        line = text.splitlines().index("target: gos-2099") + 1
        assert (
            f"{path}:{line}:1 target: unknown edition 'gos-2099'; did you mean "
            "'gos-2012', 'gos-2016'?"
        ) == str(info.value)

    def test_unknown_key_is_refused(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "mine.yaml",
            "goudenoor: crosswalk/1\nsource: gos-2012\ntarget: gos-2016\n"
            "notes: mine\nmapings: []\n",
        )

        with pytest.raises(go.ValidationError) as info:
            go.load_crosswalk_file(path)

        assert (
            f"{path}:5:1 mapings: unknown key 'mapings' (expected one of: source, "
            "target, notes, mappings, new, removed)"
        ) == str(info.value)

    def test_wrong_format_marker(self, tmp_path: Path) -> None:
        path = write(tmp_path, "mine.yaml", "goudenoor: assessment/1\n")

        with pytest.raises(go.ValidationError) as info:
            go.load_crosswalk_file(path)

        assert (
            f"{path}:1:1 goudenoor: expected the format marker 'crosswalk/1' "
            "(got 'assessment/1')"
        ) == str(info.value)

    def test_schema_accepts_the_shipped_file(self) -> None:
        data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))

        jsonschema.validate(data, crosswalk_schema())
        data["mappings"][0]["relationship"] = "equivalent"
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, crosswalk_schema())


class TestMigrate:
    def test_inherited_ratings_carry_unchanged(
        self, migration: go.Migration, std2016: go.Standard
    ) -> None:
        """
        Every requirement gos-2016 inherits from gos-2012 has the source's
        rating, not applicable included, and status ``carried``.
        """
        source = go.load_assessment(EXAMPLE_AUDIT)
        inherited = [
            r.id for r in std2016.requirements if r.inherited_from == "gos-2012"
        ]

        assert inherited
        assert any(
            source.ratings[r].not_applicable for r in inherited if r in source.ratings
        )
        for requirement_id in inherited:
            assert "carried" == migration.outcome(requirement_id).status
            assert source.ratings.get(requirement_id) == (
                migration.assessment.ratings.get(requirement_id)
            )

    def test_rewritten_areas_carry_only_equal_or_superset(
        self, migration: go.Migration
    ) -> None:
        """
        In the rewritten areas 1, 4 and 5, a requirement is ``carried``
        only from one ``equal`` or ``superset`` row.
        """
        rewritten = [
            o
            for o in migration.outcomes
            if o.target_id.split(".")[0] in REWRITTEN_AREAS
        ]

        assert {"review", "new"} <= {o.status for o in rewritten}
        for outcome in rewritten:
            if outcome.status == "carried":
                assert outcome.relationship in {"equal", "superset"}
                assert 1 == len(outcome.sources)

    def test_saves_loads_and_scores(
        self, migration: go.Migration, tmp_path: Path, std2016: go.Standard
    ) -> None:
        """
        The migrated assessment is lossless through save and load, origin
        included, and scores against gos-2016.
        """
        path = tmp_path / "audit-2016.yaml"

        go.save_assessment(migration.assessment, path)
        loaded = go.load_assessment(path)

        assert migration.assessment == loaded
        assert (
            MigrationOrigin(edition="gos-2012", crosswalk="gos-2012--gos-2016.yaml")
            == loaded.migrated_from
        )
        assert "gos-2016" == go.score(std2016, loaded).standard.id
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(
            json.loads(json.dumps(data, default=str)), assessment_schema()
        )

    def test_every_source_rating_is_carried_or_dropped(
        self, migration: go.Migration
    ) -> None:
        source = go.load_assessment(EXAMPLE_AUDIT)
        used = {s for o in migration.outcomes for s in o.sources}
        dropped = {
            d.requirement_id for d in migration.dropped if d.cause != "checkpoints"
        }
        # Met checkpoints of ratings sent to review are not carried.
        checkpoints = [
            d.requirement_id for d in migration.dropped if d.cause == "checkpoints"
        ]

        assert set(source.ratings) <= used | dropped
        assert set() == used & dropped
        assert {"4.1", "5.1"} == dropped
        assert ["5.2", "5.3", "5.4", "5.6", "5.7"] == checkpoints

    def test_same_edition_is_the_identity(self) -> None:
        source = go.load_assessment(EXAMPLE_AUDIT)

        migration = go.migrate(source, "gos-2012")

        assert source == migration.assessment
        assert () == migration.dropped
        assert {"carried"} == {o.status for o in migration.outcomes}

    def test_a_crosswalk_of_your_own(self, tmp_path: Path) -> None:
        """
        A crosswalk given is used instead of the shipped one, and the
        migrated file names it.
        """
        text = (
            "goudenoor: crosswalk/1\nsource: gos-2012\ntarget: gos-2016\n"
            "notes: only area 2\nmappings:\n"
            "  - {source: '2.1', target: '2.1', relationship: equal, "
            "rationale: same}\n"
        )
        crosswalk = go.load_crosswalk_file(write(tmp_path, "cw.yaml", text))

        migration = go.migrate(
            go.load_assessment(EXAMPLE_AUDIT), "gos-2016", crosswalk=crosswalk
        )

        assert ("carried", "new") == (
            migration.outcome("2.1").status,
            migration.outcome("2.2").status,
        )
        assert migration.assessment.migrated_from is not None
        assert str(tmp_path / "cw.yaml") == migration.assessment.migrated_from.crosswalk

    def test_unknown_target_edition(self) -> None:
        with pytest.raises(go.UnknownEditionError):
            go.migrate(go.load_assessment(EXAMPLE_AUDIT), "gos-2099")


class TestMigratedFromInFiles:
    def test_read_and_written(self) -> None:
        data = go.assessment_to_mapping(go.load_assessment(EXAMPLE_AUDIT))
        data["migrated_from"] = {"edition": "gos-2011"}

        assessment = go.assessment_from_mapping(data)

        assert MigrationOrigin(edition="gos-2011") == assessment.migrated_from
        assert data == go.assessment_to_mapping(assessment)

    def test_unknown_key_inside(self, tmp_path: Path) -> None:
        text = EXAMPLE_AUDIT.read_text(encoding="utf-8").replace(
            "\nratings:", "\nmigrated_from: {edition: gos-2011, by: me}\nratings:", 1
        )
        path = write(tmp_path, "a.yaml", text)

        with pytest.raises(go.ValidationError) as info:
            go.load_assessment(path)

        line = text.splitlines().index("migrated_from: {edition: gos-2011, by: me}")
        assert (
            f"{path}:{line + 1}:36 migrated_from.by: unknown key 'by' (expected "
            "one of: edition, crosswalk)"
        ) == str(info.value)

    def test_template_mentions_it(self, std2016: go.Standard) -> None:
        assert "migrated_from:" in assessment_template(std2016)


ZORG = (
    Path(__file__).parents[2] / "examples/goudenoor-zorg/src/goudenoor_zorg/zorg.yaml"
)


def _with_zorg(tmp_path: Path, targets: str) -> go.Assessment:
    """
    The example audit with the zorg extension (a copy in the audit's
    folder, targeting *targets*) and zorg:3.4 rated 3.
    """
    text = ZORG.read_text(encoding="utf-8").replace(
        "targets: [gos-2012, gos-2016]", f"targets: {targets}"
    )
    write(tmp_path, "zorg.yaml", text)
    audit = EXAMPLE_AUDIT.read_text(encoding="utf-8").replace(
        "\nextensions: []\nratings:\n",
        '\nextensions: [zorg.yaml]\nratings:\n  "zorg:3.4": 3\n',
        1,
    )
    return go.load_assessment(write(tmp_path, "audit.yaml", audit))


class TestMigrateExtensions:
    def test_carried_when_the_extension_also_targets_the_new_edition(
        self, tmp_path: Path
    ) -> None:
        migration = go.migrate(_with_zorg(tmp_path, "[gos-2012, gos-2016]"), "gos-2016")

        assert "carried" == migration.outcome("zorg:3.4").status
        assert 3 == migration.assessment.ratings["zorg:3.4"].value
        assert ("zorg.yaml",) == migration.assessment.extensions
        assert "zorg:3.4" not in {d.requirement_id for d in migration.dropped}

    def test_dropped_and_listed_otherwise(self, tmp_path: Path) -> None:
        migration = go.migrate(_with_zorg(tmp_path, "[gos-2012]"), "gos-2016")
        dropped = {d.requirement_id: d.reason for d in migration.dropped}

        assert "zorg:3.4" not in migration.assessment.ratings
        assert () == migration.assessment.extensions
        assert "extension 'zorg' is not carried to gos-2016" == dropped["zorg:3.4"]
