"""
Every OSCAL document goudenoor writes validates against NIST's official
OSCAL JSON Schema of the version it is written in, 1.1.3 and 1.2.1
(``tests/data/oscal/``, see its README), not only against
compliance-trestle's models.

JSON Schema's ``pattern`` is an ECMAScript regular expression, and NIST's
use ``\\p{L}`` and ``\\p{N}``, which Python's ``re`` does not know (and
``jsonschema`` hands patterns to ``re`` as they are). Nor do ``.``, ``$``
and ``\\s`` mean the same in both: ECMAScript's ``.`` stops at every line
terminator (``\\r`` too), its ``$`` only at the end of the text (Python's
also before a final line feed), and its white space includes U+FEFF. So
the validator here translates each pattern faithfully (:func:`python_pattern`,
checked by :func:`test_patterns_mean_what_they_mean_in_ecmascript`) and
refuses any construct it does not translate. ``format`` is an annotation
in draft 7 and is not checked, as by default.
"""

from __future__ import annotations

import datetime
import functools
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from jsonschema import validators

import goudenoor as go
from conftest import DATA, EXAMPLE_AUDIT, ROOT
from goudenoor import cli
from goudenoor.interchange._oscal import (
    OscalVersion,
    to_oscal_catalog,
    to_oscal_poam,
    to_oscal_results,
)


SCHEMA = DATA / "oscal" / "oscal_complete_schema.json"
POAM_SCHEMA = DATA / "oscal" / "oscal_poam_schema.json"
"""NIST's schema of the POA&M model alone (see the README)."""
SCHEMAS = {
    "1.1.3": SCHEMA,
    "1.2.1": DATA / "oscal" / "oscal_complete_schema_1.2.1.json",
}
"""NIST's complete schema of each version the exports can be written in."""
POAM_SCHEMAS = {
    "1.1.3": POAM_SCHEMA,
    "1.2.1": DATA / "oscal" / "oscal_poam_schema_1.2.1.json",
}
MAPPING_SCHEMA = DATA / "oscal" / "oscal_mapping_schema_1.2.1.json"
"""NIST's schema of the OSCAL 1.2.1 mapping model alone."""
VERSIONS = list(go.interchange.OSCAL_VERSIONS)
ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"

_ECMA_WHITE_SPACE = (
    r"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
"""ECMAScript's \\s: WhiteSpace and LineTerminator (ECMA-262, 22.2.2.9)."""

_ECMA_LINE_TERMINATORS = r"\n\r\u2028\u2029"
"""What ECMAScript's ``.`` does not match (without the s flag)."""


@functools.cache
def _property_class(name: str) -> str:
    """
    The code points of the Unicode general category *name* (``L``, ``N``)
    as the ranges of a character class.
    """
    ranges: list[str] = []
    start: int | None = None
    for code in range(sys.maxunicode + 2):
        inside = code <= sys.maxunicode and unicodedata.category(chr(code)).startswith(
            name
        )
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = None
    return "".join(ranges)


def python_pattern(ecma: str) -> str:
    """
    The ECMAScript pattern *ecma* as a Python ``re`` pattern that matches
    the same texts (for the constructs NIST's schema uses; any other
    escape or class raises ``NotImplementedError``).
    """
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(ecma):
        char = ecma[index]
        if char == "\\":
            escaped = ecma[index + 1]
            if escaped == "p":
                end = ecma.index("}", index)
                ranges = _property_class(ecma[index + 3 : end])
                out.append(ranges if in_class else f"[{ranges}]")
                index = end + 1
                continue
            if escaped in "sS" and not in_class:
                negation = "^" if escaped == "S" else ""
                out.append(f"[{negation}{_ECMA_WHITE_SPACE}]")
            elif escaped in "-.+\\/":
                out.append(ecma[index : index + 2])
            else:
                message = f"no translation of \\{escaped} in {ecma!r}"
                raise NotImplementedError(message)
            index += 2
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == ".":
            out.append(f"[^{_ECMA_LINE_TERMINATORS}]")
        elif char == "$":
            out.append(r"\Z")
        else:
            out.append(char)
        index += 1
    return "".join(out)


@functools.cache
def _compiled(ecma: str) -> re.Pattern[str]:
    return re.compile(python_pattern(ecma))


def _pattern(
    validator: Any, pattern: str, instance: object, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    del schema  # part of jsonschema's keyword signature
    if validator.is_type(instance, "string") and not _compiled(pattern).search(
        str(instance)
    ):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.cache
def _validator(path: Path = SCHEMA) -> Any:
    schema = json.loads(path.read_text(encoding="utf-8"))
    # Draft 7 with the one keyword replaced; jsonschema's extend() is not
    # annotated in its stubs.
    ecma = validators.extend(  # type: ignore[no-untyped-call]
        validators.Draft7Validator, {"pattern": _pattern}
    )
    return ecma(schema)


def _leaves(error: jsonschema.ValidationError) -> Iterator[jsonschema.ValidationError]:
    if not error.context:
        yield error
    for inner in error.context or ():
        yield from _leaves(inner)


def _path(keys: Iterable[str | int]) -> str:
    """
    *keys* as ``$['a-b'].c[0]``: written here, not jsonschema's
    ``json_path``, whose notation changed between its versions (4.18
    writes ``$.a-b``).
    """
    return "$" + "".join(
        f"[{key}]"
        if isinstance(key, int)
        else f".{key}"
        if key.isidentifier()
        else f"[{key!r}]"
        for key in keys
    )


def schema_errors(document: dict[str, Any], schema: Path = SCHEMA) -> list[str]:
    """
    What NIST's schema (by default the complete one) says is wrong with
    *document*, each with its path.

    The complete schema's root is one of the models (``oneOf``); only the
    errors of the model *document* is (its one key) are given.
    """
    validator = _validator(schema)
    if "oneOf" not in validator.schema:  # the schema of one model
        return sorted(
            f"{_path(leaf.absolute_path)}: {leaf.message}"
            for error in validator.iter_errors(document)
            for leaf in _leaves(error)
        )
    models = validator.schema["oneOf"]
    [model] = [i for i, m in enumerate(models) if m["required"][0] in document]
    return sorted(
        f"{_path(leaf.absolute_path)}: {leaf.message}"
        for error in validator.iter_errors(document)
        for inner in error.context or (error,)
        if inner is error or inner.relative_schema_path[0] == model
        for leaf in _leaves(inner)
    )


def test_the_schema_is_nists_for_the_version_we_claim() -> None:
    """
    The stored schema is NIST's complete schema of OSCAL 1.1.3, the
    version the exports declare.
    """
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    assert (
        "http://csrc.nist.gov/ns/oscal/1.0/1.1.3/oscal-complete-schema.json"
        == schema["$id"]
    )
    assert "1.1.3" == go.interchange.OSCAL_VERSION
    poam = json.loads(POAM_SCHEMA.read_text(encoding="utf-8"))
    assert (
        "http://csrc.nist.gov/ns/oscal/1.1.3/oscal-poam-schema.json",
        ["plan-of-action-and-milestones"],
    ) == (poam["$id"], poam["required"])


def test_the_schemas_are_nists_for_every_version_we_write() -> None:
    """
    There is a stored complete and POA&M schema for each version the
    exports can be written in, and a mapping schema of 1.2.1.
    """
    ids = [
        json.loads(path.read_text(encoding="utf-8"))["$id"]
        for path in (*SCHEMAS.values(), *POAM_SCHEMAS.values(), MAPPING_SCHEMA)
    ]

    assert ["1.1.3", "1.2.1"] == VERSIONS == list(SCHEMAS) == list(POAM_SCHEMAS)
    assert [
        "http://csrc.nist.gov/ns/oscal/1.0/1.1.3/oscal-complete-schema.json",
        "http://csrc.nist.gov/ns/oscal/1.0/1.2.1/oscal-complete-schema.json",
        "http://csrc.nist.gov/ns/oscal/1.1.3/oscal-poam-schema.json",
        "http://csrc.nist.gov/ns/oscal/1.2.1/oscal-poam-schema.json",
        "http://csrc.nist.gov/ns/oscal/1.2.1/oscal-mapping-schema.json",
    ] == ids


@pytest.mark.parametrize(
    ("ecma", "text", "matches"),
    [
        (r"^\S(.*\S)?$", "Woonstichting Lindewaard", True),
        (r"^\S(.*\S)?$", "ACME\ufeff", False),  # U+FEFF is ECMAScript white space
        (r"^\S(.*\S)?$", "ACME\n", False),  # $ is the end, not before a \n
        (r"^\S(.*\S)?$", "AC\rME", False),  # . stops at \r
        (r"^\S(.*\S)?$", "AC\u2028ME", False),  # and at U+2028
        (r"^\S(.*\S)?$", "AC\x1cME", True),  # \x1c is white space in Python only
        (r"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", "req-zorg.5.8", True),
        (r"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", "éé٣", True),
        (r"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", "5.8", False),
        (r"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", "req 5", False),
        (r"^[a-zA-Z][a-zA-Z0-9+\-.]+:.+$", "urn:x", True),
    ],
)
def test_patterns_mean_what_they_mean_in_ecmascript(
    ecma: str, text: str, matches: bool
) -> None:
    """
    The translated patterns accept and refuse as ECMAScript's do, where
    Python's ``re`` would differ.
    """
    assert matches == bool(_compiled(ecma).search(text))


def test_the_validator_refuses_what_the_schema_forbids() -> None:
    """
    The validator does refuse: a party name with a trailing U+FEFF, a
    token that starts with a digit, a date before 1900 and a missing key.
    """
    standard = go.load_standard("gos-2012")
    results = to_oscal_results(standard, go.load_assessment(EXAMPLE_AUDIT))
    document = json.loads(json.dumps(results))
    ar = document["assessment-results"]
    ar["metadata"]["parties"][0]["name"] = "M. Bakker\ufeff"
    ar["metadata"]["roles"][0]["id"] = "1assessor"
    ar["metadata"]["last-modified"] = "1899-12-31T00:00:00Z"
    del ar["results"][0]["start"]

    errors = schema_errors(document)

    assert [
        (
            "$['assessment-results'].metadata.parties[0].name: 'M. Bakker\\ufeff' "
            "does not match"
        ),
        "$['assessment-results'].metadata.roles[0].id: '1assessor' does not match",
        (
            "$['assessment-results'].metadata['last-modified']: "
            "'1899-12-31T00:00:00Z' does not match"
        ),
        "$['assessment-results'].results[0]: 'start' is a required property",
    ] == [error.split(" '^")[0] for error in errors]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    ("edition", "extensions"),
    [*((edition, ()) for edition in go.editions()), ("gos-2012", (ZORG,))],
)
def test_catalogs(
    edition: str, extensions: tuple[Path, ...], version: OscalVersion
) -> None:
    """
    The catalogue of each edition, and of one with the example extension,
    is valid at each version, and says which.
    """
    standard = go.load_standard(edition)
    for extension in extensions:
        standard = go.apply_extension(standard, go.load_extension_file(extension))

    catalog = to_oscal_catalog(standard, oscal_version=version)

    assert version == catalog["catalog"]["metadata"]["oscal-version"]
    assert [] == schema_errors(catalog, SCHEMAS[version])


def test_catalog_with_changes_and_payloads(tmp_path: Path) -> None:
    """
    A catalogue with an extension that adds, overrides and removes, with
    Markdown, HTML and invisible characters in its texts, is valid.
    """
    pack = tmp_path / "demo.yaml"
    pack.write_text(
        "goudenoor: extension/1\nid: demo\ntitle: Demo <script>x</script>\n"
        "version: '1'\ntargets: [gos-2012]\n"
        "sources:\n  - {id: demo, title: '[bron](javascript:x)', url: null}\n"
        "add:\n  requirements:\n"
        '    - {id: "demo:5.8", source: demo, text: "# kop\\n\\n[a](javascript:x) '
        '*nadruk* \\ufeff", evidence: "<img src=x onerror=y>"}\n'
        "override:\n  areas:\n"
        '    - {id: "9", points: 15, reason: "Zwaarder\\u202e."}\n'
        "remove:\n  requirements:\n"
        '    - {id: "9.2", reason: "- geen\\n1. lijst"}\n',
        encoding="utf-8",
    )
    standard = go.apply_extension(
        go.load_standard("gos-2012"), go.load_extension_file(pack)
    )

    assert [] == schema_errors(to_oscal_catalog(standard))


def _example_audits() -> list[Path]:
    return sorted(
        path
        for path in (ROOT / "examples").rglob("*.yaml")
        if "goudenoor: assessment/1" in path.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    "path", _example_audits(), ids=lambda p: str(p.relative_to(ROOT / "examples"))
)
def test_results_of_the_examples(path: Path, version: OscalVersion) -> None:
    """
    The results of every example audit are valid at each version (one
    example rates nothing).
    """
    assessment = go.load_assessment(path)
    standard = go.standard_for(assessment)

    results = to_oscal_results(standard, assessment, oscal_version=version)

    assert version == results["assessment-results"]["metadata"]["oscal-version"]
    assert [] == schema_errors(results, SCHEMAS[version])


@pytest.mark.parametrize("version", VERSIONS)
def test_results_that_rate_nothing(version: OscalVersion) -> None:
    """
    Results of an audit that rates nothing review no control: at both
    versions every control included and each excluded again (1.2.1's
    selections must include controls; 1.1.3's schema accepts that too).
    """
    standard = go.load_standard("gos-2012")
    audit = go.Assessment(
        edition="gos-2012",
        organisation="ACME",
        date=datetime.date(2025, 1, 1),
        ratings={},
    )

    results = to_oscal_results(standard, audit, oscal_version=version)
    [result] = results["assessment-results"]["results"]

    selection = {
        "description": "No requirement was rated.",
        "include-all": {},
        "exclude-controls": [
            {"control-id": go.interchange.control_id(r.id)}
            for r in standard.requirements
        ],
    }
    assert {"control-selections": [selection]} == result["reviewed-controls"]
    assert [] == schema_errors(results, SCHEMAS[version])


def test_an_unknown_version_is_refused() -> None:
    """
    Each export refuses a version it cannot write, naming those it can.
    """
    standard = go.load_standard("gos-2012")
    audit = _followed_up(go.load_assessment(EXAMPLE_AUDIT))
    unknown: Any = "1.2"  # not an OscalVersion, as a caller may pass it
    messages = []
    for export, arguments in (
        (to_oscal_catalog, (standard,)),
        (to_oscal_results, (standard, audit)),
        (to_oscal_poam, (standard, audit)),
    ):
        with pytest.raises(go.OutputError) as caught:
            export(*arguments, oscal_version=unknown)
        messages.append(str(caught.value))

    assert [
        "unknown OSCAL version '1.2': expected one of ['1.1.3', '1.2.1']"
    ] * 3 == messages


PAYLOADS = (
    "<script>alert(1)</script>",
    "# kop",
    "[link](javascript:alert(1))",
    "*nadruk*",
    "regel 1\n\n- regel 2\r\n===",
    "\u202eomgekeerd\u2066",
)
"""Texts an audit may hold that Markdown or a terminal would act on."""


@pytest.mark.parametrize("version", VERSIONS)
def test_results_with_a_unit_and_payloads(version: OscalVersion) -> None:
    """
    Results of an audit of a unit, with payloads in every text and names
    with invisible characters at their ends, are valid at each version.
    """
    payload = " ".join(PAYLOADS)
    evidence = go.Evidence(
        kind="interview",
        reference=payload,
        date=datetime.date(1900, 1, 1),
        valid_until=datetime.date(2999, 12, 31),
        # A file, a link and a fingerprint (issue 26), with what a URI
        # cannot hold as it is.
        path="bewijs/beleid [concept] ü 100%.pdf",
        uri="https://dms.example/docs?id=1 2#ü",
        sha256="ab" * 32,
        collected_by=f"\ufeff{payload}",
    )
    audit = go.Assessment(
        edition="gos-2012",
        organisation=f"\ufeff{payload}\ufeff",
        unit="Noord\u200b\ufeff",
        auditors=("\ufeffA. Jansen\u2060", "B.\u202e Smit"),
        date=datetime.date(2999, 12, 31),
        ratings={
            "1.1": go.Rating(value=3, evidence=(evidence,), note=payload),
            "2.1": go.Rating(not_applicable=True, justification=payload),
        },
    )

    results = to_oscal_results(
        go.load_standard("gos-2012"), audit, oscal_version=version
    )

    assert [] == schema_errors(results, SCHEMAS[version])


@pytest.mark.parametrize("version", VERSIONS)
def test_what_the_command_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: OscalVersion
) -> None:
    """
    The files ``oscal catalog``, ``oscal results`` and ``oscal poam``
    write are valid at the version ``--oscal-version`` asks for.
    """
    # A file holds no carriage return: the payloads without it.
    audit = _followed_up(
        attrs.evolve(go.load_assessment(EXAMPLE_AUDIT), unit="Noord"),
        " ".join(PAYLOADS).replace("\r", ""),
    )
    go.save_assessment(audit, tmp_path / "audit.yaml")
    documents = []
    for argv in (
        ["oscal", "catalog", "gos-2016"],
        ["oscal", "results", str(tmp_path / "audit.yaml")],
        ["oscal", "poam", str(tmp_path / "audit.yaml"), "--as-of", "2999-06-30"],
    ):
        out = io.StringIO()
        assert 0 == cli.main([*argv, "--oscal-version", version], out=out)
        documents.append(json.loads(out.getvalue() + capsys.readouterr().out))

    assert [version] * 3 == [
        next(iter(document.values()))["metadata"]["oscal-version"]
        for document in documents
    ]
    assert [[], [], []] == [
        schema_errors(document, SCHEMAS[version]) for document in documents
    ]


def _followed_up(
    assessment: go.Assessment, payload: str = " ".join(PAYLOADS)
) -> go.Assessment:
    """
    *assessment* with a finding of each kind, *payload* in every text, a
    full history and evidence everywhere.
    """
    evidence = go.Evidence(
        kind="document",
        reference=payload,
        path="bewijs/plan van aanpak.pdf",
        sha256="cd" * 32,
        collected_by=payload,
    )
    return attrs.evolve(
        assessment,
        findings=(
            go.Finding(
                id="A-1",
                requirement="5.3",
                checkpoint="5.3.a",
                kind="afwijking",
                severity="major",
                text=payload,
                owner=f"\ufeff{payload}",
                evidence=(evidence,),
                deadline=datetime.date(2999, 12, 31),
                history=(
                    go.FindingUpdate(
                        status="planned",
                        date=datetime.date(2999, 12, 31),
                        by="\ufeffA. Jansen\u2060",
                        note=payload,
                    ),
                    go.FindingUpdate(
                        status="verified",
                        date=datetime.date(2999, 12, 31),
                        by=payload,
                        note=payload,
                        evidence=(evidence,),
                    ),
                ),
            ),
            go.Finding(id="V-1", requirement="1.2", kind="verbeterpunt", text="x"),
            go.Finding(id="O-1", requirement="1.3", kind="observatie", text="y"),
            go.Finding(id="S-1", requirement="1.4", kind="sterk-punt", text="z"),
        ),
    )


@pytest.mark.parametrize(
    ("version", "schema"),
    [
        (version, schemas[version])
        for version in VERSIONS
        for schemas in (SCHEMAS, POAM_SCHEMAS)
    ],
    ids=[f"{v}-{kind}" for v in VERSIONS for kind in ("complete", "poam")],
)
def test_poam_with_payloads(version: OscalVersion, schema: Path) -> None:
    """
    A plan of action and milestones with a finding of each kind, a full
    history, evidence, a unit and payloads in every text is valid against
    the complete schema and the POA&M schema, written whole or as of a
    date.
    """
    audit = _followed_up(attrs.evolve(go.load_assessment(EXAMPLE_AUDIT), unit="Noord"))
    standard = go.load_standard("gos-2012")

    assert [[], []] == [
        schema_errors(
            to_oscal_poam(standard, audit, as_of=as_of, oscal_version=version),
            schema,
        )
        for as_of in (None, datetime.date(2999, 1, 1))
    ]


def test_the_poam_validator_refuses_what_the_schema_forbids() -> None:
    """
    The POA&M schema does refuse: a POA&M without items, a party that is
    not a UUID and a start without a time zone.
    """
    audit = _followed_up(go.load_assessment(EXAMPLE_AUDIT))
    document = to_oscal_poam(go.load_standard("gos-2012"), audit)
    poam = document["plan-of-action-and-milestones"]
    del poam["poam-items"]
    poam["risks"][0]["risk-log"]["entries"][0]["logged-by"][0]["party-uuid"] = "x"
    poam["risks"][0]["risk-log"]["entries"][0]["start"] = "2999-12-31T00:00:00"

    errors = schema_errors(document, POAM_SCHEMA)

    assert [
        (
            "$['plan-of-action-and-milestones'].risks[0]['risk-log'].entries[0]"
            ".start: '2999-12-31T00:00:00' does not match"
        ),
        (
            "$['plan-of-action-and-milestones'].risks[0]['risk-log'].entries[0]"
            "['logged-by'][0]['party-uuid']: 'x' does not match"
        ),
        "$['plan-of-action-and-milestones']: 'poam-items' is a required property",
    ] == [error.split(" '^")[0] for error in errors]


@pytest.mark.parametrize(
    "schema", [SCHEMAS["1.2.1"], MAPPING_SCHEMA], ids=["complete", "mapping"]
)
@pytest.mark.parametrize("pair", go.crosswalks(), ids="--".join)
def test_mappings(
    pair: tuple[str, str], schema: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    The mapping collection of every shipped crosswalk, as the API and the
    command write it, is valid against the complete schema of OSCAL 1.2.1
    and its mapping schema.
    """
    document = go.to_oscal_mapping(
        go.load_crosswalk(*pair), *map(go.load_standard, pair)
    )
    out = io.StringIO()
    assert 0 == cli.main(["oscal", "mapping", *pair], out=out)
    written = json.loads(out.getvalue() + capsys.readouterr().out)

    assert document == written
    assert [] == schema_errors(document, schema)
