"""
Fuzzing the entry points: whatever the input, only a GoudenoorError
escapes (never a KeyError, TypeError, AttributeError, RecursionError, a
yaml or cattrs error, ...).

This is the bounded run for CI: 50 derandomized examples per entry point,
so a run is repeatable, plus the inputs that once escaped, as explicit
examples. ``benchmarks/fuzz.py`` runs the same generators
(``tests/fuzz_inputs.py``) for 10,000 cases per entry point and counts
the outcomes.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings

import fuzz_inputs
import goudenoor as go
from fuzz_inputs import ENTRY_POINTS, EntryPoint, fuzzed


FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
)
"""Short, repeatable runs (the long run is benchmarks/fuzz.py)."""

BY_NAME = {entry.name: entry for entry in ENTRY_POINTS}
XLSX = fuzz_inputs.xlsx_entry_point()

HEAD = "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\ndate: 2026-10-01\n"
MAPPING: dict[str, Any] = {
    "goudenoor": "assessment/1",
    "edition": "gos-2012",
    "organisation": "X",
    "date": datetime.date(2026, 10, 1),
}


@pytest.fixture(scope="module", name="folder")
def _folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def outcome(entry: EntryPoint, case: object, folder: Path) -> str:
    """
    ``ok`` or ``refused``; anything else but a GoudenoorError fails the
    test with its traceback.
    """
    return fuzzed(entry, case, folder)


class TestInputs:
    def test_valid_documents_load(self, folder: Path) -> None:
        """
        The documents the mutations start from are valid, so that the
        fuzzing also reaches the code behind loading.
        """
        found = [
            outcome(BY_NAME["load_assessment"], text.encode(), folder)
            for text in fuzz_inputs.assessment_texts()
        ] + [
            outcome(BY_NAME["load_extension"], text.encode(), folder)
            for text in fuzz_inputs.extension_texts()
        ]

        assert ["ok"] * 4 == found

    def test_large_assessment_is_valid(self, folder: Path) -> None:
        """
        The crash test's large assessments save and load back equal.
        """
        path = folder / "large.yaml"
        go.save_assessment(fuzz_inputs.large_assessment(7), path, overwrite=True)

        assert fuzz_inputs.large_assessment(7) == go.load_assessment(path)


class TestOnlyGoudenoorErrorEscapes:
    @FUZZ
    @given(case=BY_NAME["load_assessment"].cases)
    @example(case=(HEAD + 'ratings:\n  "1.1": !!int drie\n').encode())
    @example(case=(HEAD + 'ratings:\n  "1.1": !!bool misschien\n').encode())
    @example(case=(HEAD + "ratings: !!map [a]\n").encode())
    @example(case=HEAD.replace("2026-10-01", "!!timestamp gisteren").encode())
    @example(case=(HEAD + 'ratings:\n  "1.1": ' + "9" * 5000 + "\n").encode())
    def test_load_assessment(self, folder: Path, case: bytes) -> None:
        """
        Random bytes and mutated audits load (and score) or are refused
        with a GoudenoorError.
        """
        assert outcome(BY_NAME["load_assessment"], case, folder) in {"ok", "refused"}

    @FUZZ
    @given(case=BY_NAME["load_extension"].cases)
    @example(case=b"goudenoor: extension/1\nid: !!float x\n")
    def test_load_extension(self, folder: Path, case: bytes) -> None:
        """
        Random bytes and mutated extensions load (and apply to their
        editions) or are refused with a GoudenoorError.
        """
        assert outcome(BY_NAME["load_extension"], case, folder) in {"ok", "refused"}

    @FUZZ
    @given(case=BY_NAME["listed_extension"].cases)
    @example(case=("../../../../../../etc/passwd", b""))
    @example(case=("/dev/zero", b""))
    @example(case=("packs", fuzz_inputs.FULL_EXTENSION.encode()))
    def test_listed_extension(self, folder: Path, case: tuple[str, bytes]) -> None:
        """
        An assessment that names an extension by any reference (a file in
        its folder, a path out of it, a device, a folder, a name), with a
        valid, mutated or random extension file beside it, loads and scores
        or is refused with a GoudenoorError.
        """
        assert outcome(BY_NAME["listed_extension"], case, folder) in {"ok", "refused"}

    @FUZZ
    @given(case=BY_NAME["assessment_from_mapping"].cases)
    @example(case={**MAPPING, "ratings": {1: 3}})
    @example(case={**MAPPING, "ratings": {None: 3}})
    @example(case={**MAPPING, "ratings": {(1, 2): 3}})
    @example(case={**MAPPING, None: 1})
    @example(case={**MAPPING, "ratings": {"1.1": {2.5: 3}}})
    def test_assessment_from_mapping(self, folder: Path, case: object) -> None:
        """
        Any plain data (keys of any type included) gives an assessment
        (which then scores) or a GoudenoorError.
        """
        assert outcome(BY_NAME["assessment_from_mapping"], case, folder) in {
            "ok",
            "refused",
        }

    @FUZZ
    @given(case=BY_NAME["score"].cases)
    def test_score(self, folder: Path, case: object) -> None:
        """
        Random assessments scored with random options give a complete
        score card or a GoudenoorError.
        """
        assert outcome(BY_NAME["score"], case, folder) in {"ok", "refused"}

    @pytest.mark.skipif(
        XLSX is None,
        reason="goudenoor.files.xlsx (read_workbook, save_workbook) or openpyxl "
        "is not available",
    )
    @FUZZ
    @given(case=fuzz_inputs.workbook_cases())
    def test_read_workbook(self, folder: Path, case: object) -> None:
        """
        Random bytes, damaged archives and the valid workbook with cells,
        rows and sheets changed are read (and scored) or refused with a
        GoudenoorError.
        """
        assert XLSX is not None

        assert outcome(XLSX, case, folder) in {"ok", "refused"}
