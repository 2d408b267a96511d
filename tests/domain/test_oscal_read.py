"""
OSCAL assessment results read back into an assessment (issue 29): what
to_oscal_results writes comes back without loss; another tool's results
are read as far as they map, and every part that does not is listed.
"""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, strategies as st

import goudenoor as go
from conftest import DATA, EXAMPLE_AUDIT, ROOT
from goudenoor.exceptions import ValidationError
from goudenoor.files import dump_assessment
from goudenoor.interchange import (
    OscalImport,
    OscalVersion,
    from_oscal_results,
    to_oscal_results,
)
from strategies import TEXTS, assessments_with_findings, evidence_items


GOS_2012 = go.load_standard("gos-2012")
FOREIGN = DATA / "oscal" / "foreign-results.json"
NS = go.interchange.NAMESPACE
# Every audit the repository ships or tests with: the examples, the
# findings with their follow-up, and evidence with files, links and hashes.
AUDITS = sorted(
    [
        *(
            path
            for path in (ROOT / "examples").rglob("*.yaml")
            if "goudenoor-zorg" not in path.parts
        ),
        DATA / "findings-2012.yaml",
        *(DATA / "findings").glob("*.yaml"),
        DATA / "evidence" / "audit.yaml",
    ]
)


def _record_index(document: dict[str, Any]) -> int:
    resources = document["assessment-results"]["back-matter"]["resources"]
    [index] = [
        i
        for i, resource in enumerate(resources)
        if any(prop["name"] == "record" for prop in resource.get("props", []))
    ]
    return index


def _without_record(document: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    del changed["assessment-results"]["back-matter"]["resources"][
        _record_index(document)
    ]
    return changed


@pytest.mark.parametrize("version", ["1.1.3", "1.2.1"])
@pytest.mark.parametrize("path", AUDITS, ids=lambda path: path.name)
def test_every_audit_comes_back(path: Path, version: OscalVersion) -> None:
    """
    Every audit -> OSCAL results (at either version) -> from_oscal_results:
    the same assessment, equal as an object and in the bytes saved, with
    nothing left over.
    """
    audit = go.load_audit(path)
    document = json.loads(json.dumps(to_oscal_results(audit, oscal_version=version)))

    read = from_oscal_results(document, standard=audit.standard)

    assert (
        OscalImport(assessment=audit.assessment, standard=audit.standard, exact=True)
        == read
    )
    assert dump_assessment(audit.assessment) == dump_assessment(read.assessment)


@given(st.data())
def test_generated_assessments_come_back(data: st.DataObject) -> None:
    """
    Generated assessments, with findings, evidence and texts that the
    Markdown fields escape, come back equal after the trip.
    """
    assessment = data.draw(assessments_with_findings(GOS_2012))
    rated = [rid for rid, rating in assessment.ratings.items() if rating.rated]
    ratings = dict(assessment.ratings)
    for rid in rated[:3]:
        ratings[rid] = attrs.evolve(
            ratings[rid],
            note=data.draw(st.none() | TEXTS),
            evidence=data.draw(evidence_items()),
        )
    assessment = attrs.evolve(
        assessment,
        ratings=ratings,
        auditors=tuple(data.draw(st.lists(TEXTS, max_size=2))),
        unit=data.draw(st.none() | TEXTS),
    )
    document = json.loads(json.dumps(to_oscal_results(GOS_2012, assessment)))

    read = from_oscal_results(document, standard=GOS_2012)

    assert (assessment, ()) == (read.assessment, read.unmapped)
    assert dump_assessment(assessment) == dump_assessment(read.assessment)


def test_the_fields_alone_give_the_ratings_back() -> None:
    """
    Without the record the fields are read: for the example audit (plain
    texts, no findings) they give the same assessment.
    """
    audit = go.load_audit(EXAMPLE_AUDIT)
    document = _without_record(to_oscal_results(audit))

    read = from_oscal_results(document, standard=audit.standard)

    assert (audit.assessment, (), False) == (
        read.assessment,
        read.unmapped,
        read.exact,
    )


def test_evidence_files_and_hashes_from_the_fields() -> None:
    """
    An evidence item's file (its path unquoted), link and SHA-256 come from
    the back-matter resource its observation points at.
    """
    audit = go.load_audit(DATA / "evidence" / "audit.yaml")
    document = _without_record(to_oscal_results(audit))

    read = from_oscal_results(document, standard=audit.standard)

    def files(assessment: go.Assessment) -> list[tuple[str | None, ...]]:
        return [
            (item.path, item.uri, item.sha256)
            for rating in assessment.ratings.values()
            for item in rating.evidence
        ]

    assert files(audit.assessment) == files(read.assessment)
    assert any(sha256 for _, _, sha256 in files(read.assessment))


def test_a_changed_document_is_read_from_its_fields() -> None:
    """
    Results changed after they were written are not the record's: the
    fields are read (the changed value with them) and the record is named
    with the first place that differs.
    """
    audit = go.load_audit(EXAMPLE_AUDIT)
    document = to_oscal_results(audit)
    finding = document["assessment-results"]["results"][0]["findings"][0]
    [value] = [prop for prop in finding["props"] if prop["name"] == "value"]
    value["value"] = "4"
    index = _record_index(document)

    read = from_oscal_results(document, standard=audit.standard)

    assert 4.0 == read.assessment.ratings["1.1"].value
    assert [
        (
            f'"assessment-results"."back-matter".resources[{index}]: the assessment '
            "record was not used: the results differ from those written from it at "
            '"assessment-results".results[0].findings[0].props[1].value; the '
            "results are read instead"
        )
    ] == [part.render() for part in read.unmapped]


def test_without_a_standard_the_record_is_not_used() -> None:
    """
    The record is checked against the standard the results were written
    against: without one, the fields are read and that is said.
    """
    audit = go.load_audit(EXAMPLE_AUDIT)
    document = to_oscal_results(audit)
    index = _record_index(document)

    read = from_oscal_results(document)

    assert (audit.assessment, None) == (read.assessment, read.standard)
    assert [
        (
            f'"assessment-results"."back-matter".resources[{index}]: the assessment '
            "record is used only when the standard is given to check the results "
            "against it: the results are read instead"
        )
    ] == [part.render() for part in read.unmapped]


def test_a_foreign_document_as_far_as_it_maps() -> None:
    """
    Another tool's results: each finding on a control of the catalogue is a
    rating (satisfied without a value: the scale's maximum), with the
    observations it links as evidence; every part that does not map is
    listed with its path.
    """
    document = json.loads(FOREIGN.read_text(encoding="utf-8"))

    read = from_oscal_results(document, standard=GOS_2012)

    assert (
        go.Assessment(
            edition="gos-2012",
            organisation="Gemeente Voorbeeld",
            date=datetime.date(2026, 5, 4),
            auditors=("J. de Tester",),
            ratings={
                "1.1": go.Rating(
                    value=4,
                    evidence=(
                        go.Evidence(
                            kind="interview",
                            reference="Interview with the complaints officer",
                            date=datetime.date(2026, 5, 4),
                        ),
                    ),
                    note="Customer views are collected.",
                ),
                "1.2": go.Rating(
                    evidence=(
                        go.Evidence(
                            kind="document",
                            reference="Complaints register 2025",
                            date=datetime.date(2026, 5, 4),
                            uri="https://dms.example.org/register-2025",
                        ),
                    ),
                    note="The register is incomplete.\n\n"
                    "Half of the complaints lack a date.",
                ),
                "1.5": go.Rating(
                    not_applicable=True,
                    justification="No external partners.",
                    note="Not applicable.",
                ),
            },
        )
        == read.assessment
    )
    results = '"assessment-results".results'
    assert [
        f"{results}[1]: only the first result is read: an assessment is one audit",
        f"{results}[0].findings[0].props[0]: property 'priority' has no place",
        (
            f'{results}[0].findings[1]."related-observations"[1]: no observation '
            "'a6c1d3f0-8e0b-4d3c-9b0e-5e2a1c4b7d99' in the result"
        ),
        (
            f"{results}[0].findings[1].target.status: a status without a value on "
            "the scale: the requirement is left unrated"
        ),
        (
            f"{results}[0].findings[3].target: target 'ac-2_smt' is not a control "
            "of gos-2012: expected a control id (req-5.3) or one of its parts "
            "(req-5.3_smt)"
        ),
        (
            f"{results}[0].observations[2]: an observation no finding links: "
            "evidence of no rating"
        ),
        f"{results}[0].risks: risks are not part of an assessment",
    ] == [part.render() for part in read.unmapped]
    go.check_assessment(read.assessment, GOS_2012)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {"catalog": {}},
            (
                "expected OSCAL assessment results: a mapping with the key "
                "'assessment-results' (got 'catalog')"
            ),
        ),
        (
            {},
            (
                "expected OSCAL assessment results: a mapping with the key "
                "'assessment-results' (got an empty mapping)"
            ),
        ),
        (
            {"assessment-results": {"results": []}},
            '"assessment-results".results: expected a list of at least one result',
        ),
        (
            {"assessment-results": {"results": ["x"]}},
            '"assessment-results".results[0]: expected a mapping, got str',
        ),
        (
            {
                "assessment-results": {
                    "metadata": {"title": "T"},
                    "results": [
                        {
                            "start": "gisteren",
                            "props": [
                                {"name": "edition", "ns": NS, "value": "gos-2012"}
                            ],
                        }
                    ],
                }
            },
            (
                '"assessment-results".results[0].start: expected a date-time '
                "(YYYY-MM-DDThh:mm:ssZ), got 'gisteren'"
            ),
        ),
        (
            {"assessment-results": {"results": [{"start": "2026-05-04T00:00:00Z"}]}},
            (
                '"assessment-results": the results do not say the edition (an '
                "'edition' property): give the standard they rate (standard= in "
                "Python, --edition on the command line)"
            ),
        ),
    ],
)
def test_refusals(document: dict[str, Any], message: str) -> None:
    """
    What is not OSCAL assessment results, or does not say what an
    assessment needs, is refused with where and what was expected.
    """
    with pytest.raises(ValidationError) as caught:
        from_oscal_results(document)

    assert message == str(caught.value)


def test_no_organisation_is_refused() -> None:
    """
    An assessment names its organisation: results without an organisation
    party or a title are refused.
    """
    document = {"assessment-results": {"results": [{"start": "2026-05-04T00:00Z"}]}}

    with pytest.raises(ValidationError) as caught:
        from_oscal_results(document, standard=GOS_2012)

    assert (
        '"assessment-results".metadata: the results do not name the '
        "organisation: expected a party of type organization or a title"
    ) == str(caught.value)


def test_the_facade_has_it() -> None:
    """
    go.from_oscal_results is the interchange's function.
    """
    assert from_oscal_results is go.from_oscal_results


def _foreign() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(FOREIGN.read_text(encoding="utf-8"))
    return document


def test_parts_of_the_wrong_shape_are_refused_where_they_are() -> None:
    """
    A list where a mapping belongs, or the other way round, is refused with
    its path.
    """
    findings = _foreign()
    findings["assessment-results"]["results"][0]["findings"] = {"x": 1}
    target = _foreign()
    target["assessment-results"]["results"][0]["findings"][2]["target"] = "req-1.5"

    with pytest.raises(ValidationError) as first:
        from_oscal_results(findings, standard=GOS_2012)
    with pytest.raises(ValidationError) as second:
        from_oscal_results(target, standard=GOS_2012)

    assert [
        '"assessment-results".results[0].findings: expected a list, got dict',
        (
            '"assessment-results".results[0].findings[2].target: expected a '
            "mapping, got str"
        ),
    ] == [str(first.value), str(second.value)]


def test_values_and_evidence_that_do_not_fit_are_listed() -> None:
    """
    A value that is no number leaves the requirement unrated, a kind of
    evidence that is none of ours is read from the methods, and an
    observation that is no valid evidence is left out: each listed.
    """
    document = _foreign()
    result = document["assessment-results"]["results"][0]
    result["findings"][0]["props"] = [{"name": "value", "ns": NS, "value": "veel"}]
    result["observations"][0]["description"] = " "
    result["observations"][1]["props"] = [
        {"name": "evidence-kind", "ns": NS, "value": "gerucht"}
    ]

    read = from_oscal_results(document, standard=GOS_2012)

    assert (None, (), "document") == (
        read.assessment.ratings["1.1"].value,
        read.assessment.ratings["1.1"].evidence,
        read.assessment.ratings["1.2"].evidence[0].kind,
    )
    results = '"assessment-results".results[0]'
    assert [
        f"{results}.observations[0]: not evidence: reference: must not be empty",
        f"{results}.findings[0]: value 'veel' is not a number: left unrated",
        (
            f"{results}.observations[1]: evidence kind 'gerucht' is none of ours "
            "(document, interview, observation, measurement, sample, other): the "
            "kind is read from the methods"
        ),
    ] == [part.render() for part in read.unmapped][1:4]


def test_an_assessment_that_cannot_be_is_refused() -> None:
    """
    An organisation whose name shows nothing gives no assessment.
    """
    document = _foreign()
    document["assessment-results"]["metadata"]["parties"][0]["name"] = " "

    with pytest.raises(ValidationError) as caught:
        from_oscal_results(document, standard=GOS_2012)

    assert (
        '"assessment-results": the assessment read from them is not valid: '
        "organisation: must not be empty"
    ) == str(caught.value)
