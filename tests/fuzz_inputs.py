"""
Inputs for fuzzing goudenoor's entry points.

Shared by ``tests/corpus/test_fuzz.py`` (a short, derandomized run in CI) and
``benchmarks/fuzz.py`` (a long run that counts what happens), so that both
try the same kinds of input.

Each :class:`EntryPoint` pairs a Hypothesis strategy of cases with a
function that feeds one case to the library and uses the result. The
property is the same for all of them: the function returns, or raises a
:class:`goudenoor.GoudenoorError`; any other exception is a bug.

Kinds of input:

* raw bytes and text: random bytes, random text, a soup of YAML tokens,
  other encodings and byte order marks;
* mutations of valid documents (the example audit, a gos-2016 audit, the
  zorg sector pack and an extension using every section): keys dropped,
  renamed or added, values replaced by random scalars or structures,
  wrapped in lists and mappings, nested deeply; then, on the text, lines
  duplicated (duplicate keys) or dropped, tabs, stray characters, YAML
  scalars that need care (``2026-02-30``, ``.nan``, ``!!int 12x``, a
  5,000-digit number, ...) and truncation;
* random plain mappings for :func:`goudenoor.assessment_from_mapping`,
  including keys that are not strings;
* for :func:`goudenoor.score`: random, mostly valid assessment mappings
  with random scoring options;
* for the XLSX import (where present): random bytes, damaged archives and
  the valid workbook with cells changed, rows deleted, sheets renamed,
  cells merged, formulas without a calculated value, cells far away or
  around the reader's limits and numbers openpyxl cannot write (integers
  of hundreds of digits, ``1e400``, ``NaN``).

Nesting is kept far below what crashes PyYAML's C parser (tens of
thousands of levels; see ``tests/corpus/test_bad_inputs.py``), so one run cannot
take the interpreter down.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import math
import string
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Sequence
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from hypothesis import strategies as st

import goudenoor as go


ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_AUDIT = ROOT / "examples" / "audit-2012.yaml"
ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"

MAX_NESTING = 100
"""Deepest nesting a mutation adds (the loader's limit is 64)."""

AUDIT_2016 = """\
goudenoor: assessment/1
edition: gos-2016
organisation: Gemeente Voorbeeld
date: 2026-10-01
scale: gos-0-4
auditors: [A. Jansen, B. de Vries]
extensions: []
ratings:
  "1.1":
    value: 3
    evidence:
      - kind: document
        reference: Klachtenbeleid 2026
        date: 2026-03-01
        valid_until: 2027-03-01
      - {kind: interview, reference: Teamleider KCC}
    checkpoints_met: []
    note: Beleid staat, uitvoering nog niet overal.
  "1.2":
    not_applicable: true
    justification: Geen fysieke klantcontacten.
  "1.3": 2
  "4.1": 4
  "5.1":
    value: 1
    note: Nog geen kader.
"""

FULL_EXTENSION = """\
goudenoor: extension/1
id: demo
title: Demo
version: "1.0"
targets: [gos-2012, gos-2016]
description: Uses every section of the extension format.
sources:
  - id: demo
    title: Demo
    url: null
    notes: [Voor de test.]
add:
  requirements:
    - id: "demo:4.9"
      theme: null
      text: Er is een budget voor klachtenmanagement.
      evidence: Dat blijkt uit de begroting.
      checkpoints:
        - {id: "demo:4.9.a", text: de begroting}
      source: demo
  checkpoints:
    - {requirement: "3.1", id: "demo:3.1.x", text: een extra controle}
  influences:
    - source: "2"
      target: "6"
      rationale: Leiding die luistert, wint vertrouwen.
      strength: secondary
  scales:
    - id: ja-nee
      name: Ja of nee
      levels:
        - {value: 0, label: nee}
        - {value: 1, label: ja}
  recognition_schemes:
    - id: demo-niveaus
      name: Demo
      levels:
        - name: Brons
          conditions: [{scope: total, min_points: 30}]
        - name: Zilver
          conditions: [{scope: organisation, min_points: 50}]
override:
  requirements:
    - {id: "1.1", weight: 2.0, reason: Belangrijk.}
  areas:
    - {id: "7", points: 5.0, reason: Minder gewicht.}
remove:
  requirements:
    - {id: "4.2", reason: Niet van toepassing in deze sector.}
  influences:
    - {source: "1", target: "9", reason: Niet in deze sector.}
"""

TEXT_SCALARS: tuple[str, ...] = (
    "~",
    "null",
    "yes",
    "No",
    "on",
    "0",
    "-1",
    "7",
    "2.5",
    "1_000",
    "0x1F",
    "0o17",
    "0b101",
    "190:20:30",
    "1e5",
    "1.0e+999",
    ".nan",
    ".inf",
    "-.inf",
    "2026-10-01",
    "2026-02-30",
    "2026-13-01",
    "0000-01-01",
    "2026-10-01T25:00:00",
    "2026-10-01 10:00:00 +05:00",
    "2999-01-01",
    "9" * 5000,
    "=",
    "<<",
    "!!int 12x",
    "!!int ''",
    "!!float abc",
    "!!bool misschien",
    "!!timestamp gisteren",
    "!!binary aGk=",
    "!!set {a, b}",
    "!!map [a]",
    "!!omap [{a: 1}]",
    "!!str 3",
    "!waarde 3",
    "!!python/object/apply:os.system [ls]",
    "*onbekend",
    "&anker 3",
    "[]",
    "{}",
    "[1, [2, [3]]]",
    "{a: {b: {c: d}}}",
    "''",
    '""',
    '"\\u2028"',
    '"\\x07"',
    "'it''s'",
    "|\n  tekst\n",
    ">-\n  tekst\n",
    "gos-2012",
    "gos-2016",
    "assessment/1",
    "extension/1",
    "gos-0-4",
    "conformiteit",
    "5.1.a",
    "document",
    "zorg",
    "./bestaat-niet.yaml",
    "Ω≈ç√",
    "\u00e9",
    "a: b",
    "- a",
    "#",
    "%",
    "@",
    "`",
)
"""YAML scalars (as text) that a loader must handle with care."""

TOKENS: tuple[str, ...] = (
    "goudenoor: assessment/1\n",
    "goudenoor: extension/1\n",
    "edition: gos-2012\n",
    "organisation: X\n",
    "date: 2026-10-01\n",
    "ratings:\n",
    'ratings: {"1.1": 3}\n',
    '  "1.1": ',
    '  "5.1":\n    value: ',
    "    evidence:\n      - kind: document\n        reference: R\n",
    "id: demo\n",
    "targets: [gos-2012]\n",
    "add:\n  requirements:\n    - ",
    "\n",
    "  ",
    "\t",
    "- ",
    ": ",
    ", ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!",
    "!",
    "? ",
    "<<: ",
    "'",
    '"',
    "# ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "|\n",
    ">\n",
    "\ufeff",
    "\x00",
    "\x85",
    "\u2028",
    "\r\n",
    "\r",
    *TEXT_SCALARS,
)
"""Pieces of YAML that a token soup is made of."""


class EntryPoint(NamedTuple):
    """
    One way in: cases to try and how to feed a case to the library.

    Attributes:
        name: What is fuzzed, for the tests' ids and the benchmark table.
        cases: The strategy of inputs.
        run: Feeds one case to the library (files go into the folder it is
            given) and uses the result; raises what the library raises.
    """

    name: str
    cases: st.SearchStrategy[Any]
    run: Callable[[Any, Path], None]


def fuzzed(entry: EntryPoint, case: object, folder: Path) -> str:
    """
    Run one case: ``"ok"`` or ``"refused"`` (a GoudenoorError); any other
    exception propagates.
    """
    try:
        entry.run(case, folder)
    except go.GoudenoorError:
        return "refused"
    return "ok"


# ------------------------------------------------------------------ documents


@cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def assessment_texts() -> tuple[str, ...]:
    """
    The valid assessment documents that mutations start from.
    """
    return (_text(EXAMPLE_AUDIT), AUDIT_2016)


def extension_texts() -> tuple[str, ...]:
    """
    The valid extension documents that mutations start from.
    """
    return (_text(ZORG), FULL_EXTENSION)


def load_plain(text: str) -> Any:
    """
    Parse a valid document into plain data (PyYAML's safe loader).
    """
    return yaml.safe_load(text)


def dump_plain(data: object) -> str:
    """
    Write plain data as YAML (any scalar or structure PyYAML's safe dumper
    writes; keys in the order given).
    """
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def python_scalars() -> st.SearchStrategy[object]:
    """
    Values that YAML can write: null, booleans, numbers (huge, NaN,
    infinite), text, dates and times.
    """
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=-(10**60), max_value=10**60),
        st.floats(),
        st.sampled_from([0, 1, 2, 3, 4, 5, -1, 0.5, 2.5, 1e308]),
        st.text(max_size=30),
        st.text(alphabet=string.printable, max_size=10),
        st.sampled_from(["gos-2012", "gos-2016", "5.1", "5.1.a", "zorg", ""]),
        st.dates(),
        st.datetimes(),
    )


def python_values(max_leaves: int = 12) -> st.SearchStrategy[object]:
    """
    Scalars, lists and mappings of them (mapping keys are text).
    """
    return st.recursive(
        python_scalars(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.text(max_size=8), inner, max_size=4),
        ),
        max_leaves=max_leaves,
    )


def odd_keys() -> st.SearchStrategy[object]:
    """
    Mapping keys a Python caller might pass that YAML files never give.
    """
    return st.one_of(
        st.text(max_size=8),
        st.integers(),
        st.none(),
        st.booleans(),
        st.floats(allow_nan=False),
        st.tuples(st.integers()),
        st.dates(),
    )


def _paths(data: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _get(data: Any, path: Sequence[Any]) -> Any:
    for step in path:
        data = data[step]
    return data


def _nest(value: object, depth: int, as_list: bool) -> object:
    for _ in range(depth):
        value = [value] if as_list else {"x": value}
    return value


@st.composite
def mutated_data(  # noqa: C901 - one branch per kind of mutation
    draw: st.DrawFn, data: object, keys: st.SearchStrategy[object] | None = None
) -> object:
    """
    *data* (plain, parsed from a valid document) with one to four random
    changes: a key dropped, renamed or added, a value replaced by a random
    scalar or structure, wrapped in a list or mapping, nested deeply, or a
    list item dropped or repeated. Deep nesting is added at most once, so
    that PyYAML can still write the result.
    """
    key_strategy = keys if keys is not None else st.text(max_size=10)
    root: list[Any] = [_copy(data)]
    nested = False
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(root[0], (0,))
        path = draw(st.sampled_from(paths))
        parent = _get(root, path[:-1])
        step = path[-1]
        value = parent[step]
        operation = draw(
            st.sampled_from(
                [
                    "replace",
                    "replace",
                    "structure",
                    "wrap-list",
                    "wrap-mapping",
                    "nest",
                    "drop",
                    "rename",
                    "add-key",
                    "repeat",
                ]
            )
        )
        if operation == "replace":
            parent[step] = draw(python_scalars())
        elif operation == "structure":
            parent[step] = draw(python_values())
        elif operation == "wrap-list":
            parent[step] = [value]
        elif operation == "wrap-mapping":
            parent[step] = {draw(key_strategy): value}
        elif operation == "nest" and not nested:
            nested = True
            depth = draw(st.integers(1, MAX_NESTING))
            parent[step] = _nest(value, depth, draw(st.booleans()))
        elif operation == "drop" and len(path) > 1:
            del parent[step]
        elif operation == "rename" and isinstance(parent, dict):
            parent[draw(key_strategy)] = parent.pop(step)
        elif operation == "add-key" and isinstance(value, dict):
            value[draw(key_strategy)] = draw(python_values(4))
        elif operation == "repeat" and isinstance(parent, list):
            parent.insert(step, _copy(value))
    return root[0]


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    """
    *text* with one to three changes: a line duplicated (often a duplicate
    key), dropped, indented or given a tab; a value replaced by a tricky
    YAML scalar; a token or character inserted; or cut off.
    """
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        operation = draw(
            st.sampled_from(
                [
                    "duplicate",
                    "drop",
                    "indent",
                    "tab",
                    "scalar",
                    "scalar",
                    "token",
                    "character",
                    "truncate",
                ]
            )
        )
        if operation == "duplicate":
            lines.insert(index, line)
        elif operation == "drop":
            del lines[index]
        elif operation == "indent":
            lines[index] = draw(st.sampled_from(["  ", " ", "    "])) + line
        elif operation == "tab":
            lines[index] = "\t" + line.lstrip(" ")
        elif operation == "scalar" and ": " in line:
            head = line.split(": ", 1)[0]
            lines[index] = f"{head}: {draw(st.sampled_from(TEXT_SCALARS))}"
        elif operation == "token":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from(TOKENS)) + line[at:]
        elif operation == "character":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.characters()) + line[at:]
        text = "\n".join(lines)
        if operation == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
    return text


def _encode(draw: st.DrawFn, text: str) -> bytes:
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "bom+"]))
    if encoding == "bom+":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, "surrogatepass")


@st.composite
def raw_documents(draw: st.DrawFn) -> bytes:
    """
    Bytes that are not built from a valid document: random bytes, random
    text, a soup of YAML tokens, text in other encodings.
    """
    kind = draw(st.sampled_from(["bytes", "text", "soup", "soup", "encoded"]))
    if kind == "bytes":
        return draw(st.binary(max_size=600))
    if kind == "text":
        return _encode(draw, draw(st.text(max_size=300)))
    soup = "".join(draw(st.lists(st.sampled_from(TOKENS), max_size=50)))
    if kind == "soup":
        return _encode(draw, soup)
    encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32", "latin-1"]))
    return soup.encode(encoding, "replace")


@st.composite
def mutated_documents(draw: st.DrawFn, texts: tuple[str, ...]) -> bytes:
    """
    One of *texts*, changed: as data (then written as YAML), as text, or
    both.
    """
    text = draw(st.sampled_from(texts))
    how = draw(st.sampled_from(["data", "text", "both"]))
    if how in ("data", "both"):
        text = dump_plain(draw(mutated_data(load_plain(text))))
    if how in ("text", "both"):
        text = draw(mutated_text(text))
    return _encode(draw, text)


def documents(texts: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    """
    File contents to load: raw inputs and mutations of *texts*.
    """
    return st.one_of(raw_documents(), mutated_documents(texts))


# ------------------------------------------------------------ entry points


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def use_card(card: go.ScoreCard) -> None:
    """
    Compute everything a score card computes lazily.
    """
    _ = (card.total, card.level, card.next_level, card.gaps, card.trace)
    _ = (card.warnings, card.requirements, card.improvements(3))
    card.as_dict()


def _run_load_assessment(case: bytes, folder: Path) -> None:
    assessment = go.load_assessment(_write(folder, "audit.yaml", case))
    use_card(go.score(go.standard_for(assessment), assessment))


def _run_load_extension(case: bytes, folder: Path) -> None:
    extension = go.load_extension_file(_write(folder, "pack.yaml", case))
    for edition in extension.targets:
        if edition in go.editions():
            standard = go.apply_extension(go.load_standard(edition), extension)
            _ = (standard.requirements, standard.changes)


REFERENCES: tuple[str, ...] = (
    "pack.yaml",
    "./pack.yaml",
    "packs/../pack.yaml",
    "../pack.yaml",
    "../../../../../../etc/passwd",
    "/etc/passwd",
    "/dev/zero",
    "/dev/null",
    ".",
    "packs",
    "pack.yml",
    "zorg",
    "geen-pakket",
)
"""How an assessment may name an extension: files inside its folder, paths
out of it, devices, folders and installed or unknown names."""


@st.composite
def listed_extensions(draw: st.DrawFn) -> tuple[str, bytes]:
    """
    An assessment that lists an extension, and the extension file beside
    it: the reference is drawn from :data:`REFERENCES` or is random text,
    and the file is a valid or mutated extension (or random bytes).
    """
    reference = draw(st.one_of(st.sampled_from(REFERENCES), st.text(max_size=40)))
    return reference, draw(documents(extension_texts()))


def _run_listed_extension(case: tuple[str, bytes], folder: Path) -> None:
    reference, pack = case
    _write(folder, "pack.yaml", pack)
    (folder / "packs").mkdir(exist_ok=True)
    listed = yaml.safe_dump([reference], default_flow_style=True).strip()
    text = AUDIT_2016.replace("extensions: []", f"extensions: {listed}")
    assessment = go.load_assessment(_write(folder, "listed.yaml", text.encode()))
    use_card(go.score(go.standard_for(assessment), assessment))


@st.composite
def assessment_mappings(draw: st.DrawFn) -> object:
    """
    Plain data for :func:`goudenoor.assessment_from_mapping`: a valid
    assessment's data changed (keys may be any hashable), or any value.
    """
    if draw(st.integers(0, 9)) == 0:
        return draw(python_values())
    data = load_plain(draw(st.sampled_from(assessment_texts())))
    return draw(mutated_data(data, keys=odd_keys()))


def _run_from_mapping(case: object, _: Path) -> None:
    assessment = go.assessment_from_mapping(case)
    use_card(go.score(go.standard_for(assessment), assessment))


@cache
def standards() -> dict[str, go.Standard]:
    """
    The standards random assessments are made for: both editions, and
    gos-2012 with the zorg pack (from its file).
    """
    zorg = go.load_extension_file(ZORG)
    return {
        "gos-2012": go.load_standard("gos-2012"),
        "gos-2016": go.load_standard("gos-2016"),
        "gos-2012+zorg": go.apply_extension(go.load_standard("gos-2012"), zorg),
    }


_DATES = st.dates(datetime.date(2000, 1, 1), datetime.date(2040, 12, 31))


@st.composite
def _evidence(draw: st.DrawFn, audit: datetime.date, valid: bool) -> dict[str, object]:
    item: dict[str, object] = {
        "kind": draw(st.sampled_from(["document", "interview", "observation"])),
        "reference": draw(st.sampled_from(["Beleid", "Interview 2026"])),
    }
    if not valid:
        item["reference"] = draw(st.sampled_from(["Beleid", " ", ""]))
        item.update(
            draw(st.dictionaries(st.sampled_from(["date", "valid_until"]), _DATES))
        )
        return item
    if draw(st.booleans()):
        made = draw(st.dates(datetime.date(2000, 1, 1), audit))
        item["date"] = made
        if draw(st.booleans()):
            item["valid_until"] = draw(st.dates(made, datetime.date(2040, 12, 31)))
    return item


@st.composite
def _rating(
    draw: st.DrawFn,
    requirement: go.Requirement,
    values: tuple[float, ...],
    audit: datetime.date,
    valid: bool,
) -> object:
    kinds = ["short", "short", "long", "long", "na", "empty"]
    kind = draw(st.sampled_from([*kinds, "odd"] if not valid else kinds))
    if kind == "short":
        return draw(st.sampled_from(values))
    if kind == "na":
        return {"not_applicable": True, "justification": "Niet van toepassing."}
    if kind == "empty":
        return None
    if kind == "odd":
        return draw(st.sampled_from([-1, 5, 0.25, 1e9, math.nan, "3", True, []]))
    checkpoints = [c.id for c in requirement.checkpoints]
    if not valid:
        checkpoints += ["5.1.a", "x"]
    rating: dict[str, object] = {"value": draw(st.sampled_from(values))}
    if draw(st.booleans()):
        rating["evidence"] = draw(st.lists(_evidence(audit, valid), max_size=3))
    with_checkpoints = bool(checkpoints) and draw(st.booleans())
    if with_checkpoints:
        rating["checkpoints_met"] = draw(
            st.lists(st.sampled_from(checkpoints), max_size=3, unique=valid)
        )
    return rating


@st.composite
def scoring_cases(draw: st.DrawFn) -> tuple[str, dict[str, object], dict[str, Any]]:
    """
    A standard's name, a random assessment mapping for it (valid three
    times in four, else with some wrong ratings) and random options for
    :func:`goudenoor.score` (sometimes wrong too).
    """
    name = draw(st.sampled_from(sorted(standards())))
    standard = standards()[name]
    valid = draw(st.integers(0, 3)) > 0
    scale = standard.scale(draw(st.sampled_from([None, "gos-0-4", "conformiteit"])))
    values = scale.values
    if not valid:
        values = (*values, *draw(st.lists(st.sampled_from([-1, 5, 0.25]), max_size=1)))
    audit = draw(_DATES)
    ratings = {}
    for requirement in standard.requirements:
        if draw(st.integers(0, 9)) < 8:
            ratings[requirement.id] = draw(_rating(requirement, values, audit, valid))
    mapping: dict[str, object] = {
        "goudenoor": "assessment/1",
        "edition": standard.id,
        "organisation": "Voorbeeld",
        "date": audit,
        "scale": scale.id,
        "extensions": [str(ZORG)] if standard.extensions else [],
        "ratings": ratings,
    }
    schemes = [s.id for s in standard.recognition_schemes]
    wrong = [] if valid else ["onbekend"]
    scheme = draw(st.sampled_from([None, *schemes, *wrong]))
    chosen = standard.recognition_scheme(scheme) if scheme in schemes else None
    names = [p.name for p in chosen.parameters] if chosen is not None else []
    options: dict[str, Any] = {
        "method": draw(st.sampled_from([*go.scoring_methods(), *wrong])),
        "scheme": scheme,
        "evidence_policy": draw(st.sampled_from(["warn", "strict", *wrong])),
        "parameters": draw(
            st.dictionaries(
                st.sampled_from([*names, *wrong]),
                st.floats(0, 1) if valid else st.floats(),
                max_size=1,
            )
        )
        if names or wrong
        else {},
    }
    return name, mapping, options


def _run_score(case: tuple[str, dict[str, object], dict[str, Any]], _: Path) -> None:
    name, mapping, options = case
    standard = standards()[name]
    assessment = go.assessment_from_mapping(mapping, standard)
    use_card(go.score(standard, assessment, **options))
    if options["method"] in go.scoring_methods():
        rid = standard.requirements[0].id
        use_card(go.what_if(standard, assessment, {rid: None}, **options))


def xlsx_module() -> Any:
    """
    ``goudenoor.files.xlsx`` if it imports, has ``load_workbook`` and
    ``save_workbook`` and openpyxl is installed, else ``None``.
    """
    try:
        importlib.import_module("openpyxl")
        module = importlib.import_module("goudenoor.files.xlsx")
    except ImportError:
        return None
    needed = ("load_workbook", "save_workbook")
    return module if all(hasattr(module, name) for name in needed) else None


@cache
def valid_workbook() -> bytes:
    """
    The example audit as a workbook written by ``save_workbook``.
    """
    xlsx = xlsx_module()
    assessment = go.load_assessment(EXAMPLE_AUDIT)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.xlsx"
        xlsx.save_workbook(go.standard_for(assessment), path, assessment=assessment)
        return path.read_bytes()


_SHEETS = ("Audit", "Beoordeling", "Bewijs", "Blad4")
_CELL_OPERATIONS = ("cell", "cell", "cell", "row", "title", "merge", "formula", "far")
_PLACEHOLDER = 987_650_000  # numbers put in cells, then replaced in the XML


def number_texts() -> st.SearchStrategy[str]:
    """
    The text of a number cell in a sheet's XML, as a file may hold it but
    openpyxl cannot write it: huge integers, overflowing exponents, NaN.
    """
    return st.one_of(
        st.integers(-(10**400), 10**400).map(str),
        st.sampled_from(
            ["1" + "0" * 309, "9" * 5_000, "1e400", "-1e308", "NaN", "inf", "1e15"]
        ),
        st.floats().map(repr),
    )


def cell_values() -> st.SearchStrategy[object]:
    """
    What a spreadsheet program can put in a cell (text without the
    control characters XLSX cannot hold).
    """
    text = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40)
    return st.one_of(
        st.none(),
        text,
        st.sampled_from(
            ["ja", "NEE", "3", "2,5", "2026-02-30", "=1/0", "#N/A", "gos-2012"]
        ),
        st.sampled_from(["assessment/1", "document", "5.1.a, 5.2.a", "x" * 40_000]),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(datetime.date(1900, 3, 1)),
        st.datetimes(datetime.datetime(1900, 3, 1)),  # noqa: DTZ001 - cells are naive
    )


@st.composite
def workbook_cases(draw: st.DrawFn) -> tuple[str, object]:
    """
    A workbook to read: random bytes, the valid workbook with cells
    changed, rows or sheets dropped or renamed (through openpyxl), or its
    archive damaged.
    """
    kind = draw(st.sampled_from(["bytes", "cells", "cells", "cells", "archive"]))
    if kind == "bytes":
        return kind, draw(st.binary(max_size=600))
    if kind == "archive":
        return kind, (
            draw(st.integers(0, 40)),
            draw(st.sampled_from(["truncate", "junk", "drop", "flip"])),
            draw(st.integers(0, 10**6)),
        )
    operations = st.one_of(
        st.tuples(st.sampled_from(_CELL_OPERATIONS), cell_values()),
        st.tuples(st.just("number"), number_texts()),
    )
    edits = draw(
        st.lists(
            st.tuples(
                st.sampled_from(_SHEETS),
                operations,
                st.integers(1, 45),
                st.integers(1, 14),
            ).map(lambda e: (e[0], e[1][0], e[2], e[3], e[1][1])),
            min_size=1,
            max_size=6,
        )
    )
    return kind, edits


def _far(row: int, column: int) -> tuple[int, int]:
    # Far away, or around the reader's limits (10,000 rows, 100 columns).
    return [
        (1_048_576 - row, column),
        (row, 16_384 - column),
        (9_980 + row, column),
        (row, 90 + column),
    ][(row + column) % 4]


def _edited_workbook(edits: list[tuple[str, str, int, int, object]]) -> bytes:
    """
    The valid workbook with *edits*: cells set, rows deleted, sheets
    renamed, cells merged, formulas without a calculated value (openpyxl
    writes none), cells far away and numbers openpyxl cannot write (put in
    the XML in the place of a placeholder).

    Far cells are placed after the other edits: openpyxl deletes a row by
    moving every cell below it, which for a cell a million rows down costs
    minutes and gigabytes in this generator (not in the reader under test).
    """
    from openpyxl import load_workbook

    numbers: dict[str, str] = {}
    ordered = sorted(edits, key=lambda edit: edit[1] == "far")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(BytesIO(valid_workbook()))
        for sheet_name, operation, row, column, value in ordered:
            if sheet_name not in book.sheetnames:
                book.create_sheet(sheet_name)
            sheet = book[sheet_name]
            content: Any = value
            if operation == "cell":
                sheet.cell(row=row, column=column, value=content)
            elif operation == "row":
                sheet.delete_rows(row)
            elif operation == "merge":
                sheet.merge_cells(
                    start_row=row,
                    start_column=column,
                    end_row=row + 1 + column % 3,
                    end_column=column + row % 3,
                )
            elif operation == "formula":
                sheet.cell(row=row, column=column, value=f"=A{row}+1")
            elif operation == "far":
                far_row, far_column = _far(row, column)
                sheet.cell(row=far_row, column=far_column, value=content)
            elif operation == "number":
                placeholder = str(_PLACEHOLDER + len(numbers))
                numbers[f"<v>{placeholder}</v>"] = f"<v>{value}</v>"
                sheet.cell(row=row, column=column, value=int(placeholder))
            elif isinstance(value, str) and value and len(value) < 30:
                with contextlib.suppress(ValueError):
                    sheet.title = value
        out = BytesIO()
        book.save(out)
    return _replaced(out.getvalue(), numbers) if numbers else out.getvalue()


def _replaced(data: bytes, texts: dict[str, str]) -> bytes:
    # *data* with *texts* replaced in the XML of its worksheets.
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                text = content.decode()
                for old, new in texts.items():
                    text = text.replace(old, new)
                content = text.encode()
            target.writestr(info, content)
    return out.getvalue()


def _damaged_archive(member: int, operation: str, where: int) -> bytes:
    data = valid_workbook()
    if operation == "flip":
        at = where % len(data)
        return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
    if operation == "truncate":
        return data[: where % len(data)]
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        infos = source.infolist()
        chosen = infos[member % len(infos)]
        for info in infos:
            content = source.read(info)
            if info.filename == chosen.filename:
                if operation == "drop":
                    continue
                content = content[: where % (len(content) + 1)] + b"<x>&junk;"
            target.writestr(info, content)
    return out.getvalue()


def _run_read_workbook(case: tuple[str, Any], folder: Path) -> None:
    kind, detail = case
    if kind == "bytes":
        content = detail
    elif kind == "archive":
        content = _damaged_archive(*detail)
    else:
        content = _edited_workbook(detail)
    assessment = (
        xlsx_module().load_workbook(_write(folder, "audit.xlsx", content)).assessment
    )
    use_card(go.score(go.standard_for(assessment), assessment))


def xlsx_entry_point() -> EntryPoint | None:
    """
    The XLSX import as an entry point, if it exists (see :func:`xlsx_module`).
    """
    if xlsx_module() is None:
        return None
    return EntryPoint("read_workbook", workbook_cases(), _run_read_workbook)


ENTRY_POINTS: tuple[EntryPoint, ...] = (
    EntryPoint("load_assessment", documents(assessment_texts()), _run_load_assessment),
    EntryPoint("load_extension", documents(extension_texts()), _run_load_extension),
    EntryPoint("listed_extension", listed_extensions(), _run_listed_extension),
    EntryPoint("assessment_from_mapping", assessment_mappings(), _run_from_mapping),
    EntryPoint("score", scoring_cases(), _run_score),
)
"""The entry points fuzzed everywhere (the XLSX import is added where present)."""


# --------------------------------------------------------- large assessments


def large_assessment(version: int) -> go.Assessment:
    """
    A valid gos-2012 assessment of about 25 KB whose content depends on
    *version* (the organisation name ends in it), for crash tests: a
    file holding version *n* must equal ``large_assessment(n)``.
    """
    standard = go.load_standard("gos-2012")
    ratings = {}
    for index, requirement in enumerate(standard.requirements):
        value = (version + index) % 5
        ratings[requirement.id] = go.Rating(
            value=value,
            evidence=tuple(
                go.Evidence(
                    kind="document",
                    reference=f"Stuk {version}-{index}-{n} " + "x" * 60,
                    date=datetime.date(2026, 1 + n, 1),
                )
                for n in range(3)
            ),
            note=f"Versie {version}. " + "Toelichting. " * 30,
        )
    return go.Assessment(
        edition="gos-2012",
        organisation=f"Organisatie versie {version}",
        date=datetime.date(2026, 10, 1),
        auditors=("A. Jansen",),
        ratings=ratings,
    )
