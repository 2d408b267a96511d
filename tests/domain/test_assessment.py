"""
Assessment files: loading, saving, the template, the JSON Schema and the
errors for bad assessments.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings, strategies as st

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.files._schemas import assessment_schema
from goudenoor.files._template import assessment_template
from helpers import write
from strategies import assessments


SMALL = """\
goudenoor: assessment/1
edition: gos-2012
organisation: Gemeente Voorbeeld
date: 2026-10-01
ratings:
  "1.1":
    value: 3
    evidence:
      - kind: document
        reference: Klachtenbeleid 2026
  "1.2": 2
  "5.1":
    value: 4
    checkpoints_met: ["5.1.a"]
"""


def error(tmp_path: Path, content: str) -> str:
    """
    Load *content* as audit.yaml and return the one error message.
    """
    path = write(tmp_path, "audit.yaml", content)
    with pytest.raises(go.GoudenoorError) as info:
        go.load_assessment(path)
    return str(info.value).replace(str(tmp_path) + "/", "")


class TestLoad:
    def test_small(self, tmp_path: Path) -> None:
        """
        Long and short forms load; the source path is remembered.
        """
        path = write(tmp_path, "audit.yaml", SMALL)

        a = go.load_assessment(path)

        assert (
            "Gemeente Voorbeeld",
            datetime.date(2026, 10, 1),
            go.Rating(value=2),
            ("5.1.a",),
            str(path),
        ) == (
            a.organisation,
            a.date,
            a.ratings["1.2"],
            a.ratings["5.1"].checkpoints_met,
            a.source,
        )

    def test_source_not_in_equality(self, tmp_path: Path) -> None:
        """
        The same content read from two files is equal.
        """
        one = go.load_assessment(write(tmp_path, "one.yaml", SMALL))
        two = go.load_assessment(write(tmp_path, "two.yaml", SMALL))

        assert one == two
        assert hash(one) == hash(two)

    def test_example(self) -> None:
        """
        The shipped example audit loads.
        """
        a = go.load_assessment(EXAMPLE_AUDIT)

        assert ("gos-2012", 27) == (a.edition, len(a.ratings))


class TestBadAssessments:
    def test_off_scale(self, tmp_path: Path) -> None:
        """
        A value that is not on the scale.
        """
        content = SMALL.replace('"1.2": 2', '"1.2": 7')

        assert (
            'audit.yaml:11:3 ratings."1.2".value: 7 is not on scale gos-0-4 '
            "(0, 1, 2, 3, 4)"
        ) == error(tmp_path, content)

    def test_not_applicable_without_justification(self, tmp_path: Path) -> None:
        """
        Not applicable needs a justification.
        """
        content = SMALL.replace('"1.2": 2', '"1.2":\n    not_applicable: true')

        assert (
            'audit.yaml:11:3 ratings."1.2".justification: a not-applicable '
            "rating needs a justification"
        ) == error(tmp_path, content)

    def test_unknown_id(self, tmp_path: Path) -> None:
        """
        An unknown requirement id gets a suggestion.
        """
        content = SMALL.replace('"1.2": 2', '"1.20": 2')

        assert (
            "audit.yaml:11:3 ratings.\"1.20\": unknown requirement '1.20' in "
            "gos-2012; did you mean '1.2'?"
        ) == error(tmp_path, content)

    def test_unknown_edition(self, tmp_path: Path) -> None:
        """
        An edition that does not exist.
        """
        content = SMALL.replace("edition: gos-2012", "edition: gos-2021")

        assert (
            "audit.yaml:2:1 edition: unknown edition 'gos-2021'; did you mean "
            "'gos-2012', 'gos-2016'?"
        ) == error(tmp_path, content)

    def test_wrong_edition(self, tmp_path: Path) -> None:
        """
        An assessment checked against another edition than its own.
        """
        path = write(tmp_path, "audit.yaml", SMALL)

        with pytest.raises(go.ValidationError) as info:
            go.load_assessment(path, go.load_standard("gos-2016"))

        assert str(info.value).endswith(
            "audit.yaml:2:1 edition: assessment is for edition 'gos-2012', the "
            "standard is 'gos-2016'"
        )

    def test_duplicate_key(self, tmp_path: Path) -> None:
        """
        A requirement rated twice.
        """
        content = SMALL + '  "1.2": 3\n'

        assert "audit.yaml:15:3: duplicate key '1.2'" == error(tmp_path, content)

    def test_wrong_checkpoint(self, tmp_path: Path) -> None:
        """
        A checkpoint of another requirement.
        """
        content = SMALL.replace('["5.1.a"]', '["5.2.a"]')

        assert (
            "audit.yaml:14:23 ratings.\"5.1\".checkpoints_met[0]: '5.2.a' is not "
            "a checkpoint of requirement 5.1 (expected one of ['5.1.a', '5.1.b'])"
        ) == error(tmp_path, content)

    def test_missing_marker(self, tmp_path: Path) -> None:
        """
        A file without the format marker is not taken for an assessment.
        """
        content = SMALL.replace("goudenoor: assessment/1\n", "")

        assert (
            "audit.yaml:1:1 goudenoor: expected the format marker "
            "'assessment/1' (missing)"
        ) == error(tmp_path, content)

    def test_nan(self, tmp_path: Path) -> None:
        """
        NaN is not a value.
        """
        content = SMALL.replace('"1.2": 2', '"1.2": .nan')

        assert (
            'audit.yaml:11:3 ratings."1.2": expected a finite number, got number nan'
        ) == error(tmp_path, content)

    def test_string_date(self, tmp_path: Path) -> None:
        """
        A quoted date is a string, not a date.
        """
        content = SMALL.replace("date: 2026-10-01", 'date: "1-10-2026"')

        assert (
            "audit.yaml:4:1 date: expected a date (YYYY-MM-DD), got string '1-10-2026'"
        ) == error(tmp_path, content)

    def test_several(self, tmp_path: Path) -> None:
        """
        All problems are listed, each with its place.
        """
        content = SMALL.replace('"1.2": 2', '"1.2": 7\n  "9.9": 1')

        assert (
            "2 problems in audit.yaml:\n"
            '  audit.yaml:11:3 ratings."1.2".value: 7 is not on scale gos-0-4 '
            "(0, 1, 2, 3, 4)\n"
            "  audit.yaml:12:3 ratings.\"9.9\": unknown requirement '9.9' in "
            "gos-2012; did you mean '9.2', '9.1'?"
        ) == error(tmp_path, content)


class TestSave:
    def test_round_trip_example(self, tmp_path: Path) -> None:
        """
        Saving and loading the example gives an equal assessment.
        """
        a = go.load_assessment(EXAMPLE_AUDIT)
        path = tmp_path / "copy.yaml"

        go.save_assessment(a, path)

        assert a == go.load_assessment(path)

    @settings(max_examples=40)
    @given(
        st.sampled_from(["gos-2012", "gos-2016"]).flatmap(
            lambda e: assessments(go.load_standard(e))
        )
    )
    def test_round_trip_property(self, a: go.Assessment) -> None:
        """
        load(save(a)) == a for generated assessments.
        """
        text = go.dump_assessment(a)

        assert a == go.assessment_from_mapping(yaml.safe_load(text))

    def test_no_silent_overwrite(self, tmp_path: Path) -> None:
        """
        An existing file is kept unless overwrite is asked for.
        """
        path = write(tmp_path, "audit.yaml", SMALL)
        other = go.what_if(
            go.load_standard("gos-2012"), go.load_assessment(path), {"1.1": 0}
        ).assessment

        with pytest.raises(go.GoudenoorError) as info:
            go.save_assessment(other, path)

        assert str(info.value).endswith(
            "audit.yaml: file exists; not overwritten "
            "(pass overwrite=True to replace it)"
        )
        assert SMALL == path.read_text(encoding="utf-8")
        go.save_assessment(other, path, overwrite=True)
        assert other == go.load_assessment(path)
        assert ["audit.yaml"] == [p.name for p in tmp_path.iterdir()]

    def test_short_form(self, tmp_path: Path) -> None:
        """
        A rating that is only a value is written in the short form.
        """
        a = go.load_assessment(write(tmp_path, "audit.yaml", SMALL))

        assert '  "1.2": 2\n' in go.dump_assessment(a).replace("'1.2'", '"1.2"')


class TestTemplate:
    def test_unfilled_scores_zero(self, tmp_path: Path) -> None:
        """
        The unfilled template loads and scores 0, one warning per
        requirement.
        """
        std = go.load_standard("gos-2012")
        path = write(tmp_path, "a.yaml", assessment_template(std))

        card = go.score(std, go.load_assessment(path))

        assert (0.0, 29) == (card.total, len(card.warnings))
        assert {"unrated"} == {w.code for w in card.warnings}

    def test_filled_scores(self, tmp_path: Path) -> None:
        """
        Filling in values in the template text gives a score.
        """
        std = go.load_standard("gos-2016")
        text = assessment_template(std, date=datetime.date(2026, 1, 5))
        text = text.replace("    value:\n", "    value: 4\n").replace(
            "    evidence: []\n", "    evidence: [{kind: other, reference: x}]\n"
        )
        path = write(tmp_path, "a.yaml", text)

        card = go.score(std, go.load_assessment(path))

        assert (100.0, "5 sterren", ()) == (card.total, card.level.name, card.warnings)  # type: ignore[union-attr]

    def test_lists_checkpoints(self) -> None:
        """
        Requirement texts and checkpoints appear as comments.
        """
        text = assessment_template(go.load_standard("gos-2012"))

        assert (
            "  #   [5.1.a] uniformiteit in geboden oplossingen bij klachten\n" in text
        )


def as_json_types(data: Any) -> Any:
    """
    YAML data with dates as ISO strings, as JSON would carry them.
    """
    return json.loads(json.dumps(data, default=lambda d: d.isoformat()))


class TestSchema:
    def test_example_valid(self) -> None:
        """
        The example audit matches the JSON Schema.
        """
        data = yaml.safe_load(EXAMPLE_AUDIT.read_text(encoding="utf-8"))

        jsonschema.validate(as_json_types(data), assessment_schema())

    def test_template_valid(self) -> None:
        """
        The template matches the JSON Schema.
        """
        text = assessment_template(go.load_standard("gos-2016"))

        jsonschema.validate(as_json_types(yaml.safe_load(text)), assessment_schema())

    def test_schema_is_valid(self) -> None:
        """
        The schema itself is a valid draft 2020-12 schema.
        """
        jsonschema.Draft202012Validator.check_schema(assessment_schema())

    def test_rejects_na_with_value(self) -> None:
        """
        A not-applicable rating with a value is invalid by the schema too.
        """
        data = as_json_types(yaml.safe_load(SMALL))
        data["ratings"]["1.2"] = {
            "not_applicable": True,
            "value": 2,
            "justification": "x",
        }

        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, assessment_schema())

    @pytest.mark.parametrize(
        ("rating", "key"),
        [({"vaule": 3}, "vaule"), ({"value": 3, "noot": "x"}, "noot")],
    )
    def test_mistyped_key_in_a_rating_is_named(
        self, rating: dict[str, object], key: str
    ) -> None:
        """
        The error that matches best for a rating with a mistyped key is the
        rating's own: its keys are closed, and the unknown one is named. (With
        ``oneOf: [number, null, rating]`` a rating whose only key was mistyped
        matched no alternative better than another, and editors said
        "Expected number | null".)
        """
        data = as_json_types(yaml.safe_load(SMALL))
        data["ratings"]["1.2"] = rating
        validator = jsonschema.Draft202012Validator(assessment_schema())

        error = jsonschema.exceptions.best_match(validator.iter_errors(data))

        assert error is not None
        assert ("additionalProperties", ["ratings", "1.2"]) == (
            error.validator,
            list(error.absolute_path),
        )
        assert {key} == set(error.instance) - set(error.schema["properties"])
        assert [error.message] == [e.message for e in validator.iter_errors(data)]

    def test_a_rating_of_the_wrong_type_names_the_three_shapes(self) -> None:
        """
        A rating that is neither a number, empty nor a mapping is told the
        three it may be.
        """
        data = as_json_types(yaml.safe_load(SMALL))
        data["ratings"]["1.2"] = "drie"
        validator = jsonschema.Draft202012Validator(assessment_schema())

        errors = list(validator.iter_errors(data))

        assert [("type", ["number", "null", "object"])] == [
            (e.validator, e.validator_value) for e in errors
        ]

    def test_fields_match_model(self) -> None:
        """
        The schema names exactly the fields the loader reads.
        """
        import attrs

        props = assessment_schema()["properties"]
        rating = assessment_schema()["$defs"]["Rating"]

        not_in_files = {"source"}
        assert {f.name for f in attrs.fields(go.Assessment)} - not_in_files | {
            "goudenoor"
        } == set(props)
        assert {f.name for f in attrs.fields(go.Rating)} == set(rating["properties"])


INVISIBLE = [
    "\ufeff",  # byte order mark (a format character)
    "\u200b\u200c\u200d\u2060",  # zero-width space, non-joiner, joiner, word joiner
    "\u202e\u2066",  # bidirectional override and isolate
    " \t\ufeff\u00a0",  # white space around a byte order mark
    "\u3164",  # Hangul filler: a letter that shows as blank
    "\x00\x1f",  # controls
]
"""Names that show nothing, though str.strip() leaves them."""


def _audit_with(**fields: Any) -> go.Assessment:
    values: dict[str, Any] = {
        "edition": "gos-2012",
        "organisation": "Gemeente Voorbeeld",
        "date": datetime.date(2026, 10, 1),
    }
    return go.Assessment(**(values | fields))


class TestNamesThatShowNothing:
    @pytest.mark.parametrize("name", INVISIBLE)
    @pytest.mark.parametrize(
        ("field", "value", "path"),
        [
            ("organisation", "{}", "organisation"),
            ("edition", "{}", "edition"),
            ("unit", "{}", "unit"),
            ("auditors", ("A. Jansen", "{}"), "auditors[1]"),
        ],
    )
    def test_assessment(self, name: str, field: str, value: Any, path: str) -> None:
        """
        An organisation, edition, unit or auditor made only of invisible
        characters is refused like an empty one.
        """
        given = tuple(v.format(name) for v in value) if field == "auditors" else name

        with pytest.raises(go.ModelError) as info:
            _audit_with(**{field: given})

        assert f"{path}: must not be empty" == str(info.value)

    @pytest.mark.parametrize("name", INVISIBLE)
    def test_evidence_and_justification(self, name: str) -> None:
        """
        So are an evidence reference and a justification.
        """
        with pytest.raises(go.ModelError) as evidence:
            go.Evidence(kind="document", reference=name)
        with pytest.raises(go.ModelError) as justification:
            go.Rating(not_applicable=True, justification=name)

        assert "reference: must not be empty" == str(evidence.value)
        assert "justification: a not-applicable rating needs a justification" == str(
            justification.value
        )

    def test_visible_names_keep_their_invisible_characters(self) -> None:
        """
        A name with something visible in it is kept as it is.
        """
        audit = _audit_with(organisation="\ufeffACME\u200b", unit="\u200fNoord")

        assert ("\ufeffACME\u200b", "\u200fNoord") == (audit.organisation, audit.unit)


class TestPlausibleDates:
    @pytest.mark.parametrize(
        "date", [datetime.date(1, 1, 1), datetime.date(1899, 12, 31)]
    )
    def test_audit_date_before_1900(self, date: datetime.date) -> None:
        """
        An audit date before 1900 is refused, saying what is allowed.
        """
        with pytest.raises(go.ModelError) as info:
            _audit_with(date=date)

        assert (
            f"date: {date.isoformat()} is not a plausible date: expected one from "
            "1900-01-01 to 2999-12-31"
        ) == str(info.value)

    @pytest.mark.parametrize(
        "date", [datetime.date(3000, 1, 1), datetime.date(9999, 12, 31)]
    )
    def test_audit_date_after_2999(self, date: datetime.date) -> None:
        """
        So is one after 2999.
        """
        with pytest.raises(go.ModelError) as info:
            _audit_with(date=date)

        assert (
            f"date: {date.isoformat()} is not a plausible date: expected one from "
            "1900-01-01 to 2999-12-31"
        ) == str(info.value)

    def test_evidence_dates(self) -> None:
        """
        An evidence date and a validity are checked alike, both at once.
        """
        with pytest.raises(go.ModelError) as info:
            go.Evidence(
                kind="document",
                reference="Certificaat",
                date=datetime.date(1850, 1, 1),
                valid_until=datetime.date(3000, 1, 1),
            )

        assert (
            "date: 1850-01-01 is not a plausible date: expected one from "
            "1900-01-01 to 2999-12-31; valid_until: 3000-01-01 is not a plausible "
            "date: expected one from 1900-01-01 to 2999-12-31"
        ) == str(info.value)

    def test_the_bounds_are_allowed(self) -> None:
        """
        1900-01-01 and 2999-12-31 themselves are plausible (OSCAL has them).
        """
        first, last = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)

        audit = _audit_with(date=last)
        evidence = go.Evidence(
            kind="document", reference="Certificaat", date=first, valid_until=last
        )

        assert (last, first, last) == (audit.date, evidence.date, evidence.valid_until)

    def test_loaded_from_text(self) -> None:
        """
        Text (an HTTP body) is checked as a file is, with the place.
        """
        text = SMALL.replace("date: 2026-10-01", "date: 0226-10-01")

        with pytest.raises(go.GoudenoorError) as info:
            go.loads_assessment(text)

        assert (
            "<string>:4:1 date: 0226-10-01 is not a plausible date: expected one "
            "from 1900-01-01 to 2999-12-31"
        ) == str(info.value)
