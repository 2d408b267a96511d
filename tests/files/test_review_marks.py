"""
The review mark a migration puts on a rating (issue 23, item 2): kept in
the file, cleared for one requirement once the auditor decides.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema
import pytest
import yaml

import goudenoor as go
from goudenoor.exceptions import ModelError, ValidationError
from goudenoor.files import xlsx
from goudenoor.files._schemas import assessment_schema


EXAMPLE_AUDIT = Path(__file__).parents[2] / "examples" / "audit-2012.yaml"


@pytest.fixture(name="migrated")
def _migrated() -> go.Assessment:
    return go.migrate(go.load_assessment(EXAMPLE_AUDIT), "gos-2016").assessment


def marked(assessment: go.Assessment) -> list[str]:
    return [rid for rid, r in assessment.ratings.items() if r.needs_review]


class TestInTheFile:
    def test_every_review_outcome_is_marked_with_its_reason(
        self, migrated: go.Assessment
    ) -> None:
        """
        Each rated target the migration sent to review carries the mark,
        and no other rating does.
        """
        migration = go.migrate(go.load_assessment(EXAMPLE_AUDIT), "gos-2016")
        review = [
            o.target_id for o in migration.with_status("review") if o.rating is not None
        ]

        assert review == marked(migrated)
        mark = migrated.ratings["5.6"].review
        assert mark is not None
        assert mark.reason.startswith("5.6 (subset): ")

    def test_lossless_through_save_and_load(
        self, migrated: go.Assessment, tmp_path: Path
    ) -> None:
        """
        The marks survive save and load, and the file is valid against the
        assessment schema.
        """
        path = tmp_path / "audit-2016.yaml"

        go.save_assessment(migrated, path)
        loaded = go.load_assessment(path)

        assert migrated == loaded
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(
            json.loads(json.dumps(data, default=str)), assessment_schema()
        )

    def test_resaving_after_a_value_is_set_clears_that_mark_only(
        self, migrated: go.Assessment, tmp_path: Path
    ) -> None:
        """
        The auditor sets a value in the file: the mark no longer holds for
        that requirement, and saving again leaves it out; the others stay.
        """
        path = tmp_path / "audit-2016.yaml"
        go.save_assessment(migrated, path)
        before = marked(migrated)
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        data["ratings"]["5.6"]["value"] = 4
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

        edited = go.load_assessment(path)
        go.save_assessment(edited, path, overwrite=True)
        again = go.load_assessment(path)

        assert [rid for rid in before if rid != "5.6"] == marked(again)
        assert again.ratings["5.6"].review is None
        assert 4 == again.ratings["5.6"].value

    def test_with_ratings_clears_the_mark_of_the_requirement_set(
        self, migrated: go.Assessment
    ) -> None:
        """
        A value set through with_ratings, as a new rating or as a changed
        copy of the marked one, ends the mark of that requirement only.
        """
        before = marked(migrated)
        old = migrated.ratings["5.6"]
        assert old.value is not None

        changed = migrated.with_ratings({"5.6": attrs.evolve(old, value=old.value - 1)})
        fresh = migrated.with_ratings({"5.6": go.Rating(value=2)})

        assert [rid for rid in before if rid != "5.6"] == marked(changed)
        assert marked(changed) == marked(fresh)

    def test_an_unknown_key_in_the_mark_is_refused(self, tmp_path: Path) -> None:
        """
        The mark is read strictly, like the rest of a rating.
        """
        path = tmp_path / "a.yaml"
        path.write_text(
            "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
            "date: 2026-10-01\nratings:\n  '1.1':\n    value: 2\n"
            "    review: {reason: r, valeu: 2}\n",
            encoding="utf-8",
        )

        with pytest.raises(ValidationError) as caught:
            go.load_assessment(path)

        assert (
            f'{path}:8:25 ratings."1.1".review.valeu: unknown key '
            "'valeu' "
            "(expected one of: reason, value, not_applicable)"
        ) == str(caught.value)

    def test_a_mark_cannot_be_empty_nor_both_valued_and_not_applicable(
        self,
    ) -> None:
        """
        The mark checks its own invariants.
        """
        with pytest.raises(ModelError) as caught:
            go.Review(reason=" ", value=2, not_applicable=True)

        assert (
            "reason: must not be empty; "
            "value: a finite value, or not applicable, not both (got 2.0)"
        ) == str(caught.value)


class TestWorkbook:
    def test_a_mark_that_holds_is_refused_loudly(
        self, migrated: go.Assessment, tmp_path: Path, std2016: go.Standard
    ) -> None:
        """
        A workbook has no column for the mark: writing one is refused,
        naming each rating to review, rather than losing the list.
        """
        with pytest.raises(ValidationError) as caught:
            xlsx.save_workbook(std2016, tmp_path / "a.xlsx", assessment=migrated)

        lines = str(caught.value).splitlines()
        assert [
            f'  ratings."{rid}".review: a review mark cannot be kept in a workbook: '
            "review the rating first (set its value, or remove the mark)"
            for rid in marked(migrated)
        ] == lines[-len(marked(migrated)) :]
