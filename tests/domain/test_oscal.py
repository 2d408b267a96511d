"""
The standard and audits as OSCAL: compliance-trestle's models are the
reference validator; ids, texts, findings, provenance and determinism are
checked on the exported data.
"""

from __future__ import annotations

import datetime
import doctest
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, strategies as st
from trestle import oscal as trestle_oscal
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog
from trestle.oscal.mapping import MappingCollection
from trestle.oscal.poam import PlanOfActionAndMilestones

import goudenoor as go
from conftest import EXAMPLE_AUDIT, ROOT
from goudenoor.interchange import _oscal as oscal
from goudenoor.interchange._oscal import (
    OscalVersion,
    control_id,
    to_oscal_catalog,
    to_oscal_poam,
    to_oscal_results,
)
from helpers import run_python


AUDIT = EXAMPLE_AUDIT
ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"
# OSCAL's token datatype (ASCII letters here; the ids we make are ASCII).
TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
)


@pytest.fixture(name="audit")
def _audit() -> go.Assessment:
    return go.load_assessment(AUDIT)


@pytest.fixture(name="zorg2012")
def _zorg2012(std2012: go.Standard) -> go.Standard:
    return go.apply_extension(std2012, go.load_extension_file(ZORG))


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """
    Every dict in a JSON tree, depth first.
    """
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def controls(catalog: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """
    Control id -> control, over all groups.
    """
    return {
        control["id"]: control
        for group in catalog["catalog"]["groups"]
        for control in group.get("controls", [])
    }


def part(item: dict[str, Any], name: str) -> dict[str, Any]:
    """
    The one part of *item* called *name*.
    """
    found: list[dict[str, Any]] = [
        p for p in item.get("parts", []) if p["name"] == name
    ]
    assert 1 == len(found)
    return found[0]


def props(item: dict[str, Any], name: str) -> list[str]:
    """
    The values of *item*'s properties called *name*.
    """
    return [p["value"] for p in item.get("props", []) if p["name"] == name]


def finding(results: dict[str, Any], requirement_id: str) -> dict[str, Any]:
    """
    The one finding of *requirement_id*.
    """
    [result] = results["assessment-results"]["results"]
    found: list[dict[str, Any]] = [
        f
        for f in result.get("findings", [])
        if props(f, "requirement-id") == [requirement_id]
    ]
    assert 1 == len(found)
    return found[0]


def test_validator_models_the_newest_version_we_write() -> None:
    """
    The reference validator's models are of the newest OSCAL version the
    exports can be written in. compliance-trestle 4 has no models of 1.1.3:
    its 1.2.1 models load 1.1.3 documents too (the version is not checked
    strictly), which is the check a 1.2 reader makes of them.
    """
    assert oscal.OSCAL_VERSIONS[-1] == trestle_oscal.OSCAL_VERSION


@pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
def test_catalog_parses_with_trestle(edition: str) -> None:
    """
    Both editions' catalogues are valid OSCAL catalogs.
    """
    exported = to_oscal_catalog(go.load_standard(edition))

    parsed = Catalog.parse_obj(exported["catalog"])

    assert "1.1.3" == parsed.metadata.oscal_version.__root__
    assert 9 == len(parsed.groups or [])


def test_results_parse_with_trestle(std2012: go.Standard, audit: go.Assessment) -> None:
    """
    The example audit's results are valid OSCAL assessment results.
    """
    exported = to_oscal_results(std2012, audit)

    parsed = AssessmentResults.parse_obj(exported["assessment-results"])

    assert 1 == len(parsed.results)


MODELS: dict[str, Any] = {
    "catalog": Catalog,
    "assessment-results": AssessmentResults,
    "plan-of-action-and-milestones": PlanOfActionAndMilestones,
    "mapping-collection": MappingCollection,
}
"""compliance-trestle's model of each kind of OSCAL document goudenoor
writes, by the document's one key."""


def _example_audits() -> list[Path]:
    return sorted(
        path
        for path in (ROOT / "examples").rglob("*.yaml")
        if "goudenoor: assessment/1" in path.read_text(encoding="utf-8")
    )


def _has_poam_items(path: Path) -> bool:
    # A POA&M needs an item: an afwijking or a verbeterpunt (to_oscal_poam
    # refuses an audit without one).
    return any(
        finding.kind in {"afwijking", "verbeterpunt"}
        for finding in go.load_assessment(path).findings
    )


def _catalog(edition: str, *extensions: Path) -> Callable[[OscalVersion], Any]:
    def build(version: OscalVersion) -> Any:
        standard = go.load_standard(edition)
        for extension in extensions:
            standard = go.apply_extension(standard, go.load_extension_file(extension))
        return to_oscal_catalog(standard, oscal_version=version)

    return build


def _of_audit(export: Callable[..., Any], path: Path) -> Callable[[OscalVersion], Any]:
    def build(version: OscalVersion) -> Any:
        assessment = go.load_assessment(path)
        return export(go.standard_for(assessment), assessment, oscal_version=version)

    return build


def _mapping(source: str, target: str) -> Callable[[OscalVersion], Any]:
    def build(version: OscalVersion) -> Any:
        del version  # a mapping collection is OSCAL 1.2.1 only
        return go.to_oscal_mapping(
            go.load_crosswalk(source, target),
            go.load_standard(source),
            go.load_standard(target),
        )

    return build


def _every_output() -> Iterator[Any]:
    """
    Every OSCAL document goudenoor writes, at every version it is written
    in: the catalogues of both editions with and without the sector pack,
    the results and POA&M of every example audit (that has items for
    one), and the mapping collection of every crosswalk (1.2.1 only).
    """
    examples = ROOT / "examples"
    for version in oscal.OSCAL_VERSIONS:
        for edition in go.editions():
            yield pytest.param(
                version, "catalog", _catalog(edition), id=f"{version}-{edition}"
            )
            yield pytest.param(
                version,
                "catalog",
                _catalog(edition, ZORG),
                id=f"{version}-{edition}+zorg",
            )
        for path in _example_audits():
            name = path.relative_to(examples).as_posix()
            yield pytest.param(
                version,
                "assessment-results",
                _of_audit(to_oscal_results, path),
                id=f"{version}-results-{name}",
            )
            if _has_poam_items(path):
                yield pytest.param(
                    version,
                    "plan-of-action-and-milestones",
                    _of_audit(to_oscal_poam, path),
                    id=f"{version}-poam-{name}",
                )
        if version != "1.1.3":
            for source, target in go.crosswalks():
                yield pytest.param(
                    version,
                    "mapping-collection",
                    _mapping(source, target),
                    id=f"{version}-mapping-{source}--{target}",
                )


@pytest.mark.parametrize(("version", "kind", "build"), list(_every_output()))
def test_every_output_loads_in_trestle(
    version: OscalVersion, kind: str, build: Callable[[OscalVersion], Any]
) -> None:
    """
    Every OSCAL document goudenoor writes, at both versions, loads in
    compliance-trestle's model of its kind and keeps the version it says.
    """
    document = build(version)

    parsed = MODELS[kind].parse_obj(document[kind])

    assert [kind] == list(document)
    assert version == parsed.metadata.oscal_version.__root__


def test_every_kind_of_output_is_loaded() -> None:
    """
    The documents loaded above are of every kind goudenoor writes at each
    version (POA&Ms of at least one example among them).
    """
    loaded = {param.values[:2] for param in _every_output()}

    assert {
        (version, kind)
        for version in oscal.OSCAL_VERSIONS
        for kind in MODELS
        if (version, kind) != ("1.1.3", "mapping-collection")
    } == loaded


@pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
def test_every_requirement_is_a_control_with_its_dutch_text(edition: str) -> None:
    """
    Each requirement is a control labelled with its id whose statement
    holds the Dutch text verbatim; the evidence clause is the assessment
    objective and the checkpoints are its sub-parts.
    """
    standard = go.load_standard(edition)
    found = controls(to_oscal_catalog(standard))

    assert [control_id(r.id) for r in standard.requirements] == list(found)
    for requirement in standard.requirements:
        control = found[control_id(requirement.id)]
        assert [requirement.id] == props(control, "label")
        assert requirement.text in part(control, "statement")["prose"]
        assert requirement.full_text == part(control, "statement")["prose"]
        if requirement.evidence is None:
            assert not [p for p in control["parts"] if p["name"] != "statement"]
            continue
        objective = part(control, "assessment-objective")
        assert requirement.evidence == objective["prose"]
        assert [(c.id, c.text) for c in requirement.checkpoints] == [
            (props(p, "label")[0], p["prose"]) for p in objective.get("parts", [])
        ]


def test_areas_are_groups_with_points_and_kind(std2012: go.Standard) -> None:
    """
    Each area is a group with its points, kind and summary; themes are
    properties of the controls.
    """
    groups = to_oscal_catalog(std2012)["catalog"]["groups"]
    area5 = groups[4]

    assert ["area-1", "area-2", "area-3", "area-4", "area-5"] == [
        g["id"] for g in groups[:5]
    ]
    assert ("area", "Leren & ontwikkelen") == (area5["class"], area5["title"])
    assert (["5"], ["organisation"], ["10"]) == (
        props(area5, "label"),
        props(area5, "kind"),
        props(area5, "points"),
    )
    assert std2012.area("5").summary == part(area5, "overview")["prose"]
    assert ["result"] == props(groups[5], "kind")
    assert ["Evalueren"] == props(area5["controls"][2], "theme")


def test_inherited_requirements_are_marked(std2016: go.Standard) -> None:
    """
    gos-2016's requirements taken over from gos-2012 say so; its own do not.
    """
    found = controls(to_oscal_catalog(std2016))

    assert ["gos-2012"] == props(found["req-2.1"], "inherited-from")
    assert [] == props(found["req-1.1"], "inherited-from")
    assert ["true"] == props(
        to_oscal_catalog(std2016)["catalog"]["groups"][0], "points-assumed"
    )


def test_sources_principles_and_terms_are_back_matter(std2016: go.Standard) -> None:
    """
    Sources, principles and terms are back-matter resources; every control
    links to the resource of its source.
    """
    catalog = to_oscal_catalog(std2016)
    resources = catalog["catalog"]["back-matter"]["resources"]
    by_uuid = {r["uuid"]: r for r in resources}
    kinds = [props(r, "kind")[0] for r in resources]

    assert len(std2016.sources) == kinds.count("source")
    assert len(std2016.principles) == kinds.count("principle")
    assert len(std2016.terms) == kinds.count("term")
    assert {t.term for t in std2016.terms} == {
        r["title"] for r in resources if props(r, "kind") == ["term"]
    }
    for requirement in std2016.requirements:
        [link] = controls(catalog)[control_id(requirement.id)]["links"]
        assert [requirement.source] == props(by_uuid[link["href"][1:]], "source-id")


@pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
def test_ids_are_unique_tokens_and_uuids_are_version_5(edition: str) -> None:
    """
    Every id is an OSCAL token, unique in the document; every UUID is a
    name-based (version 5) UUID, unique too.
    """
    catalog = to_oscal_catalog(go.load_standard(edition))
    ids = [node["id"] for node in walk(catalog) if "id" in node]
    uuids = [node["uuid"] for node in walk(catalog) if "uuid" in node]

    assert [] == [i for i in ids if not TOKEN.fullmatch(i)]
    assert len(ids) == len(set(ids))
    assert [] == [u for u in uuids if not UUID.fullmatch(u)]
    assert len(uuids) == len(set(uuids))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "zorg:", "wonen:", "req:", "gos:", "a_b-c:"]),
            st.integers(1, 12),
            st.integers(1, 12),
        ),
        min_size=2,
        max_size=2,
    )
)
def test_control_ids_are_tokens_and_distinct(
    pairs: list[tuple[str, int, int]],
) -> None:
    """
    Distinct requirement ids, namespaced or not, give distinct tokens.
    """
    first, second = (f"{ns}{area}.{n}" for ns, area, n in pairs)
    assume(first != second)

    assert TOKEN.fullmatch(control_id(first))
    assert control_id(first) != control_id(second)


def test_every_rated_requirement_has_a_finding_on_its_control(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    One finding per rated or not-applicable requirement, targeting its
    control's statement; the unrated ones have none; the reviewed controls
    are the findings' controls.
    """
    results = to_oscal_results(std2012, audit)
    [result] = results["assessment-results"]["results"]
    statements = {
        part(c, "statement")["id"]: cid
        for cid, c in controls(to_oscal_catalog(std2012)).items()
    }
    rated = [
        rid
        for rid, rating in audit.ratings.items()
        if rating.rated or rating.not_applicable
    ]

    assert len(rated) == len(result["findings"])
    for rid in rated:
        target = finding(results, rid)["target"]
        assert "statement-id" == target["type"]
        assert control_id(rid) == statements[target["target-id"]]
    assert "2.2" not in rated
    assert [{"control-id": control_id(rid)} for rid in rated] == result[
        "reviewed-controls"
    ]["control-selections"][0]["include-controls"]


def test_objective_status_follows_the_rating(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    Top of the scale: satisfied (pass); below: not satisfied (fail); not
    applicable: satisfied (other), implementation status not-applicable,
    with the justification.
    """
    results = to_oscal_results(std2012, audit)
    full = finding(results, "1.3")
    partial = finding(results, "1.1")
    not_applicable = finding(results, "7.2")
    justification = audit.ratings["7.2"].justification

    assert {"state": "satisfied", "reason": "pass"} == full["target"]["status"]
    assert {"state": "not-satisfied", "reason": "fail"} == partial["target"]["status"]
    assert (["3"], ["gos-0-4"], ["4"]) == (
        props(partial, "value"),
        props(partial, "scale"),
        props(partial, "scale-maximum"),
    )
    assert "Rated 3 (grotendeels) on scale gos-0-4 (0 to 4)." == partial["description"]
    assert audit.ratings["1.1"].note == partial["remarks"]
    assert {"state": "satisfied", "reason": "other"} == not_applicable["target"][
        "status"
    ]
    assert {"state": "not-applicable", "remarks": justification} == not_applicable[
        "target"
    ]["implementation-status"]
    assert f"Not applicable: {justification}" == not_applicable["description"]
    assert ["5.6.b"] == props(finding(results, "5.6"), "checkpoint-met")


def test_evidence_is_observations_linked_from_findings(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    Each piece of evidence is an observation with its kind, reference and
    dates, linked from its requirement's finding.
    """
    results = to_oscal_results(std2012, audit)
    [result] = results["assessment-results"]["results"]
    observations = {o["uuid"]: o for o in result["observations"]}
    linked = [
        observations[r["observation-uuid"]]
        for r in finding(results, "1.1")["related-observations"]
    ]

    assert sum(len(r.evidence) for r in audit.ratings.values()) == len(observations)
    assert [
        (
            ["document"],
            ["EXAMINE"],
            "Klachten- en feedbackbeleid Woonstichting Lindewaard 2026 (versie 2.1)",
            "2026-02-12T00:00:00Z",
            "2027-12-31T00:00:00Z",
        ),
        (
            ["observation"],
            ["EXAMINE"],
            "Meeluisteren klantcontactcentrum, 6 gesprekken over reparatieverzoeken",
            "2026-09-23T00:00:00Z",
            None,
        ),
    ] == [
        (
            props(o, "evidence-kind"),
            o["methods"],
            o["relevant-evidence"][0]["description"],
            o["collected"],
            o.get("expires"),
        )
        for o in linked
    ]
    assert "related-observations" not in finding(results, "2.4")


def test_an_evidence_files_hash_is_in_the_back_matter(std2012: go.Standard) -> None:
    """
    An evidence item with a file is a back-matter resource that its
    observation's relevant evidence points at, with the file's SHA-256
    (issue 26), so that a GRC tool can check the file too; trestle reads
    it.
    """
    digest = "0123456789abcdef" * 4
    with_file = go.Evidence(
        kind="document",
        reference="Klachtenbeleid 2026",
        path="bewijs/klachtenbeleid 2026.pdf",
        uri="https://dms.example/docs/klachten beleid?v=100%&x=%41",
        sha256=digest,
        collected_by="A. Jansen",
    )
    without = go.Evidence(kind="interview", reference="Gesprek teamleider")
    audit = go.Assessment(
        edition="gos-2012",
        organisation="Gemeente Voorbeeld",
        date=datetime.date(2026, 10, 1),
        ratings={"1.1": go.Rating(value=3, evidence=(with_file, without))},
    )

    results = to_oscal_results(std2012, audit)

    document = results["assessment-results"]
    [result] = document["results"]
    first, second = result["observations"]
    resource = document["back-matter"]["resources"][1]
    assert {
        "uuid": resource["uuid"],
        "title": "Klachtenbeleid 2026",
        "rlinks": [
            {
                "href": "bewijs/klachtenbeleid%202026.pdf",
                "hashes": [{"algorithm": "SHA-256", "value": digest}],
            },
            {"href": "https://dms.example/docs/klachten%20beleid?v=100%25&x=%41"},
        ],
    } == resource
    assert [
        {"href": f"#{resource['uuid']}", "description": "Klachtenbeleid 2026"}
    ] == first["relevant-evidence"]
    assert ["A. Jansen"] == props(first, "collected-by")
    # An item without a file or a link has no resource.
    assert [{"description": "Gesprek teamleider"}] == second["relevant-evidence"]
    # The plan, this item's resource and the assessment's record.
    assert 3 == len(document["back-matter"]["resources"])
    parsed = AssessmentResults.parse_obj(document)
    assert parsed.back_matter is not None
    [_, read, _] = parsed.back_matter.resources or []
    hashes = [h.value for link in read.rlinks or [] for h in link.hashes or []]
    assert [digest] == hashes


def test_auditors_are_parties_with_the_assessor_role(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    The auditors are persons responsible as assessors; the organisation is a
    party; the result starts on the audit date.
    """
    results = to_oscal_results(std2012, audit)["assessment-results"]
    metadata = results["metadata"]
    people = [p for p in metadata["parties"] if p["type"] == "person"]

    assert ["M. Bakker", "R. El Amrani"] == [p["name"] for p in people]
    assert [
        {"role-id": "assessor", "party-uuids": [p["uuid"] for p in people]}
    ] == metadata["responsible-parties"]
    assert ["Woonstichting Lindewaard"] == [
        p["name"] for p in metadata["parties"] if p["type"] == "organization"
    ]
    assert "2026-10-01T00:00:00Z" == results["results"][0]["start"]
    assert "2026-10-01T00:00:00Z" == metadata["last-modified"]


def test_score_card_is_on_the_result(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    The card's points, level and warnings are on the result; a card given
    (another scheme) is the one used.
    """
    card = go.score(std2012, audit, scheme="conformiteit")
    [result] = to_oscal_results(std2012, audit, card=card)["assessment-results"][
        "results"
    ]
    default = go.score(std2012, audit)
    [plain] = to_oscal_results(std2012, audit)["assessment-results"]["results"]

    assert ["conformiteit"] == props(result, "recognition-scheme")
    assert [f"{card.total:.10g}"] == props(result, "total-points")
    assert [default.level.name if default.level else ""] == props(plain, "level")
    assert [str(len(default.warnings))] == props(plain, "warnings")
    for warning in default.warnings:
        assert f"- {warning.code} {warning.requirement_id}: " in plain["remarks"]
    assert [f"{a.points:.10g}" for a in default.areas.values()] == props(
        plain, "area-points"
    )


def test_exports_are_deterministic(std2012: go.Standard, audit: go.Assessment) -> None:
    """
    Two runs give byte-identical JSON.
    """
    runs = [
        (
            json.dumps(to_oscal_catalog(std2012), sort_keys=True),
            json.dumps(to_oscal_results(std2012, audit), sort_keys=True),
        )
        for _ in range(2)
    ]

    assert runs[0] == runs[1]


def test_exports_are_deterministic_across_processes() -> None:
    """
    Two processes (each with its own hash seed) give byte-identical JSON.
    """
    code = (
        "import json, sys, goudenoor as go, goudenoor.interchange as oscal\n"
        "std = go.load_standard('gos-2016')\n"
        "a = go.load_assessment(sys.argv[1])\n"
        "s = go.apply_extension(go.load_standard('gos-2012'),"
        " go.load_extension_file(sys.argv[2]))\n"
        "print(json.dumps([oscal.to_oscal_catalog(std), oscal.to_oscal_catalog(s),"
        " oscal.to_oscal_results(go.load_standard('gos-2012'), a)]))\n"
    )
    outputs = [
        run_python(
            "-c", code, AUDIT, ZORG, env={"PYTHONHASHSEED": seed}, check=True
        ).stdout
        for seed in ("1", "2")
    ]

    assert outputs[0] == outputs[1]
    assert outputs[0].startswith('[{"catalog"')


def test_uuids_depend_on_edition_organisation_and_date(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    Another organisation or audit date gives other UUIDs; another rating
    keeps them (they identify the subject).
    """

    def uuids(assessment: go.Assessment) -> set[str]:
        tree = to_oscal_results(std2012, assessment)
        return {node["uuid"] for node in walk(tree) if "uuid" in node}

    same = uuids(audit)
    other = attrs.evolve(audit, organisation="Woonstichting Eikenrode")
    later = attrs.evolve(audit, date=datetime.date(2027, 10, 1))

    assert not same & uuids(other)
    assert not same & uuids(later)
    raised = attrs.evolve(audit.ratings["1.1"], value=4)
    assert same == uuids(audit.with_ratings({"1.1": raised}))


def test_two_units_of_one_organisation_on_one_date_are_two_documents(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    The unit audited is exported (a result prop and the titles) and is part
    of the identity: two units of one organisation audited on one date give
    different documents whose UUIDs never meet, and neither meets the audit
    of the whole organisation.
    """

    def uuids(tree: dict[str, Any]) -> set[str]:
        return {node["uuid"] for node in walk(tree) if "uuid" in node}

    north = to_oscal_results(std2012, attrs.evolve(audit, unit="Noord"))
    south = to_oscal_results(std2012, attrs.evolve(audit, unit="Zuid"))
    whole = to_oscal_results(std2012, audit)
    [result] = north["assessment-results"]["results"]

    assert north != south
    assert not uuids(north) & uuids(south)
    assert not (uuids(north) | uuids(south)) & uuids(whole)
    assert ["Noord"] == props(result, "unit")
    assert [] == props(whole["assessment-results"]["results"][0], "unit")
    assert (
        "Gouden Oor audit of Woonstichting Lindewaard, Noord (gos-2012, 2026-10-01)",
        "Audit of Woonstichting Lindewaard, Noord",
    ) == (north["assessment-results"]["metadata"]["title"], result["title"])


def test_uuids_without_a_unit_are_kept(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    An audit without a unit keeps the UUID it had before units were part
    of the identity (the document's, named by edition, organisation and
    date).
    """
    results = to_oscal_results(std2012, audit)

    uuid = results["assessment-results"]["uuid"]

    assert "2af500a1-3f2a-5acc-9fc9-76739b041882" == uuid


def test_control_and_finding_titles_are_in_the_standards_language(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    A control and its finding are titled in Dutch, as the standard's
    texts and group titles are.
    """
    control = controls(to_oscal_catalog(std2012))["req-5.1"]

    assert ("Eis 5.1", "Eis 1.1") == (
        control["title"],
        finding(to_oscal_results(std2012, audit), "1.1")["title"],
    )


PAYLOAD = (
    "<script>alert(1)</script>\n# kop\n[link](javascript:alert(1)) *nadruk*"
    "\n\n1. lijst & &amp;"
)
"""User text that Markdown would render as HTML, a heading, a link,
emphasis and a list."""

ESCAPED = (
    "&lt;script&gt;alert(1)&lt;/script&gt;\n\\# kop\n"
    "\\[link\\](javascript:alert(1)) \\*nadruk\\*\n\n1\\. lijst & &amp;amp;"
)
"""PAYLOAD as the Markdown report escapes it, line by line."""


def test_user_text_in_markup_fields_is_escaped(std2012: go.Standard) -> None:
    """
    Notes, evidence references and justifications go into OSCAL's Markdown
    fields escaped as the Markdown report escapes them, line by line;
    titles name the organisation escaped, and names and properties stay
    plain strings.
    """
    evidence = go.Evidence(kind="document", reference=PAYLOAD)
    audit = go.Assessment(
        edition="gos-2012",
        organisation="# ACME <b>",
        unit="*Noord*",
        date=datetime.date(2026, 3, 1),
        ratings={
            "1.1": go.Rating(value=3, evidence=(evidence,), note=PAYLOAD),
            "2.1": go.Rating(not_applicable=True, justification=PAYLOAD),
        },
    )

    results = to_oscal_results(std2012, audit)
    ar = results["assessment-results"]
    [result] = ar["results"]
    [observation] = result["observations"]
    rated, not_applicable = finding(results, "1.1"), finding(results, "2.1")

    assert [ESCAPED] * 4 == [
        rated["remarks"],
        observation["description"],
        observation["relevant-evidence"][0]["description"],
        not_applicable["target"]["implementation-status"]["remarks"],
    ]
    assert (
        "Not applicable: &lt;script&gt;alert(1)&lt;/script&gt; \\# kop "
        "\\[link\\](javascript:alert(1)) \\*nadruk\\* 1. lijst & &amp;amp;"
    ) == not_applicable["description"]
    assert (
        "Gouden Oor audit of \\# ACME &lt;b&gt;, \\*Noord\\* (gos-2012, 2026-03-01)"
    ) == ar["metadata"]["title"]
    assert ("# ACME <b>", ["*Noord*"]) == (
        ar["metadata"]["parties"][-1]["name"],
        props(result, "unit"),
    )


def test_extension_controls_carry_their_namespace_and_provenance(
    zorg2012: go.Standard,
) -> None:
    """
    gos-2012 with the zorg pack: the added requirements are namespaced
    controls, the added checkpoints sub-parts, each with the change that
    made it.
    """
    catalog = to_oscal_catalog(zorg2012)
    found = controls(catalog)
    added = found["req-zorg.5.8"]
    change = part(added, "change")
    [checkpoint] = part(found["req-2.2"], "assessment-objective")["parts"]

    Catalog.parse_obj(catalog["catalog"])
    assert ["zorg:5.8"] == props(added, "label")
    assert ["zorg"] == props(added, "extension")
    assert zorg2012.requirement("zorg:5.8").text in part(added, "statement")["prose"]
    assert "req-zorg.5.8_chg.1" == change["id"]
    assert (["zorg"], ["add"]) == (props(change, "extension"), props(change, "action"))
    assert "Added by extension zorg." == change["prose"]
    assert ("req-2.2_obj.zorg.x", ["zorg:2.2.x"]) == (
        checkpoint["id"],
        props(checkpoint, "label"),
    )
    assert ["add"] == props(part(checkpoint, "change"), "action")
    assert ["zorg"] == props(catalog["catalog"]["metadata"], "extension")
    assert "gos-2012+zorg" == catalog["catalog"]["metadata"]["version"]
    assert (
        catalog["catalog"]["uuid"]
        != to_oscal_catalog(go.load_standard("gos-2012"))["catalog"]["uuid"]
    )


def test_results_of_an_extended_audit(zorg2012: go.Standard) -> None:
    """
    An audit made with the zorg pack has findings on its namespaced
    controls.
    """
    audit = go.Assessment(
        edition="gos-2012",
        organisation="Zorggroep Voorbeeld",
        date=datetime.date(2026, 5, 1),
        extensions=("zorg",),
        ratings={"zorg:5.8": go.Rating(value=4), "1.1": go.Rating(value=1)},
    )

    results = to_oscal_results(zorg2012, audit)

    AssessmentResults.parse_obj(results["assessment-results"])
    assert "req-zorg.5.8_smt" == finding(results, "zorg:5.8")["target"]["target-id"]
    [result] = results["assessment-results"]["results"]
    assert "observations" not in result


def test_an_empty_audit_without_auditors_is_valid(std2012: go.Standard) -> None:
    """
    No ratings and no auditors: no findings, no responsible parties, still
    valid OSCAL; an auditor named twice is one party.
    """
    empty = go.Assessment(
        edition="gos-2012", organisation="X", date=datetime.date(2026, 1, 1)
    )
    twice = attrs.evolve(empty, auditors=("A. Jansen", "A. Jansen"))

    results = to_oscal_results(std2012, empty)["assessment-results"]

    AssessmentResults.parse_obj(results)
    assert "findings" not in results["results"][0]
    assert "responsible-parties" not in results["metadata"]
    assert [
        {
            "description": "No requirement was rated.",
            "include-all": {},
            "exclude-controls": [
                {"control-id": control_id(r.id)} for r in std2012.requirements
            ],
        }
    ] == results["results"][0]["reviewed-controls"]["control-selections"]
    assert ["A. Jansen", "X"] == [
        p["name"]
        for p in to_oscal_results(std2012, twice)["assessment-results"]["metadata"][
            "parties"
        ]
    ]


def test_overrides_and_removals_keep_their_provenance(
    tmp_path: Path, std2012: go.Standard
) -> None:
    """
    An area override is a change part of its group with the field, the
    reason and the value before; a removed requirement has no control, and
    its removal is in the metadata remarks.
    """
    pack = tmp_path / "demo.yaml"
    pack.write_text(
        "goudenoor: extension/1\nid: demo\ntitle: Demo\nversion: '1'\n"
        "targets: [gos-2012]\n"
        "override:\n  areas:\n"
        '    - {id: "9", points: 15, reason: Zwaarder.}\n'
        "remove:\n  requirements:\n"
        '    - {id: "9.2", reason: Geen productontwikkeling.}\n',
        encoding="utf-8",
    )
    catalog = to_oscal_catalog(
        go.apply_extension(std2012, go.load_extension_file(pack))
    )
    area9 = catalog["catalog"]["groups"][8]
    change = part(area9, "change")

    Catalog.parse_obj(catalog["catalog"])
    assert (["15"], ["points"]) == (props(area9, "points"), props(change, "field"))
    assert (
        "Overridden (points) by extension demo.\n\nReason: Zwaarder.\n\nBefore: 10"
        == change["prose"]
    )
    assert "req-9.2" not in controls(catalog)
    assert catalog["catalog"]["metadata"]["remarks"].endswith(
        "Extension demo: remove requirement 9.2. Reason: Geen productontwikkeling."
    )


def test_an_assessment_that_fails_its_checks_is_refused_first(
    std2016: go.Standard, audit: go.Assessment
) -> None:
    """
    An assessment that does not fit the standard gives the same located
    error as scoring, before anything is exported.
    """
    with pytest.raises(go.ValidationError) as scoring:
        go.score(std2016, audit)
    with pytest.raises(go.ValidationError) as info:
        to_oscal_results(std2016, audit)

    assert str(scoring.value) == str(info.value)
    assert (
        f"{AUDIT} edition: assessment is for edition 'gos-2012', the standard "
        "is 'gos-2016'"
    ) == str(info.value)


def test_a_value_off_the_scale_is_refused(std2012: go.Standard) -> None:
    """
    A rating built in Python with a value off the scale is refused with its
    path.
    """
    audit = go.Assessment(
        edition="gos-2012",
        organisation="X",
        date=datetime.date(2026, 1, 1),
        ratings={"1.1": go.Rating(value=7)},
    )

    with pytest.raises(go.ValidationError) as info:
        to_oscal_results(std2012, audit)

    assert 'ratings."1.1".value: 7 is not on scale gos-0-4 (0, 1, 2, 3, 4)' == str(
        info.value
    )


def test_a_card_of_another_assessment_is_refused(
    std2012: go.Standard, audit: go.Assessment
) -> None:
    """
    The score card must be the assessment's own.
    """
    card = go.score(std2012, audit.with_ratings({"1.1": go.Rating(value=4)}))

    with pytest.raises(go.ScoringError) as info:
        to_oscal_results(std2012, audit, card=card)

    assert (
        "the score card is not of this assessment (Woonstichting Lindewaard, "
        "2026-10-01, gos-2012): score the assessment against the standard and "
        "pass that card"
    ) == str(info.value)


def test_doctests() -> None:
    """
    The module's docstring examples pass.
    """
    assert 0 == doctest.testmod(oscal).failed
