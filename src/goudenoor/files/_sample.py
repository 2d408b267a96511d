"""
Sample files (format ``sample/1``): a draw from a register, recorded so
that anyone can redo it; drawing one from a register file, checking it
against the register later, reading the results of its records, and the
evidence item that puts its evaluation into an assessment.

A sample file holds the register's fingerprint (SHA-256, number of
records, the id column, the column stratified by), the seed and the
method, the plan if the size came from one, and the drawn ids: never any
other content of the register (it holds personal data)::

    goudenoor: sample/1
    register:
      sha256: 3b7e...
      records: 1200
      id_column: zaaknummer
    seed: klachten-2026-tweede-helft
    method: sha256-rank/1
    plan: {confidence: 0.95, tolerable: 0.05, expected: 0, population: 1200}
    ids: [K-0412, K-1033, ...]
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import os
from pathlib import Path
from typing import Any, Literal

import attrs

from goudenoor._checks import checked
from goudenoor._data import Key, Object
from goudenoor.audit import (
    SAMPLE_METHOD,
    Evidence,
    Sample,
    SampledRegister,
    SampleEvaluation,
    SamplePlan,
    draw,
)
from goudenoor.exceptions import (
    FileFormatError,
    GoudenoorError,
    SamplingError,
)
from goudenoor.files._atomic import write_text_atomic
from goudenoor.files._parse import (
    MARKER,
    check_marker,
    located,
    open_regular,
    read_file,
    read_string,
    structure_data,
)
from goudenoor.files._positions import NOWHERE, Positions
from goudenoor.files._register import read_register
from goudenoor.problems import Problem, excerpt


__all__ = [
    "SAMPLE_EVALUATION_FORMAT",
    "SAMPLE_EVALUATION_SHAPE",
    "SAMPLE_FORMAT",
    "SAMPLE_PLAN_FORMAT",
    "SAMPLE_PLAN_SHAPE",
    "draw_sample",
    "dump_sample",
    "load_sample",
    "loads_sample",
    "read_results",
    "sample_evidence",
    "sample_from_mapping",
    "sample_to_mapping",
    "save_sample",
    "verify_sample",
]


def __dir__() -> list[str]:
    return __all__


SAMPLE_FORMAT = "sample/1"
"""The format marker of sample files."""

SAMPLE_PLAN_FORMAT = "sample-plan/1"
"""The format marker of ``goudenoor sample plan --format json``."""

SAMPLE_EVALUATION_FORMAT = "sample-evaluation/1"
"""The format marker of ``goudenoor sample evaluate --format json``."""


# ---------------------------------------------------------------- the file


@checked
def sample_from_mapping(data: object, source: str = "<mapping>") -> Sample:
    """
    Build a :class:`~goudenoor.audit.Sample` from plain data in the file
    format (with the ``goudenoor`` marker).

    Raises:
        ValidationError: The data is not a valid sample.
    """
    return _sample_from_data(data, NOWHERE, source)


def _sample_from_data(data: object, where: Positions, source: str) -> Sample:
    data = check_marker(data, SAMPLE_FORMAT, where, source)
    try:
        return structure_data(data, where, source, Sample)
    except SamplingError as exc:
        # The checks across fields (ids unique, strata adding up) are the
        # class's: they hold for the whole file, so no key is named.
        raise located([Problem(message=str(exc), path=())], where, source) from None


@checked
def load_sample(path: str | os.PathLike[str]) -> Sample:
    """
    Load a sample file (format ``sample/1``).

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content is not a valid sample; every problem
            is listed with its line, column and key path.
    """
    name, text = read_file(path)
    return loads_sample(text, source=name)


@checked
def loads_sample(text_or_bytes: str | bytes, *, source: str = "<string>") -> Sample:
    """
    Load a sample from its text (or its UTF-8 bytes), as strictly as
    :func:`load_sample` loads a file.

    Raises:
        TypeError: *text_or_bytes* is neither a string nor bytes.
        FileFormatError: The text is too large, not UTF-8 or not YAML.
        ValidationError: The content is not a valid sample.
    """
    from goudenoor.files import _yaml

    data, where = _yaml.read(read_string(text_or_bytes, source), source)
    return _sample_from_data(data, where, source)


@checked
def sample_to_mapping(sample: Sample) -> dict[str, Any]:
    """
    The sample as plain data in the file format, in the order of the
    format's documentation; what is not set is left out.
    """
    register: dict[str, Any] = {
        "sha256": sample.register.sha256,
        "records": sample.register.records,
        "id_column": sample.register.id_column,
    }
    if sample.register.stratify is not None:
        register["stratify"] = sample.register.stratify
    data: dict[str, Any] = {
        MARKER: SAMPLE_FORMAT,
        "register": register,
        "seed": sample.seed,
        "method": sample.method,
    }
    if sample.plan is not None:
        plan: dict[str, Any] = {
            "confidence": sample.plan.confidence,
            "tolerable": sample.plan.tolerable,
            "expected": sample.plan.expected,
        }
        if sample.plan.population is not None:
            plan["population"] = sample.plan.population
        data["plan"] = plan
    data["ids"] = list(sample.ids)
    if sample.strata:
        data["strata"] = [
            {"name": stratum.name, "records": stratum.records, "ids": list(stratum.ids)}
            for stratum in sample.strata
        ]
    return data


@checked
def dump_sample(sample: Sample) -> str:
    """
    The sample as YAML text in the file format.
    """
    from goudenoor.files import _yaml

    return _yaml.dump(sample_to_mapping(sample))


@checked
def save_sample(
    sample: Sample, path: str | os.PathLike[str], *, overwrite: bool = False
) -> None:
    """
    Write *sample* to *path* atomically; ``load_sample(path)`` gives an
    equal sample back.

    Raises:
        GoudenoorError: *path* exists and *overwrite* is false, or it
            cannot be written.
    """
    write_text_atomic(path, dump_sample(sample), overwrite=overwrite)


# ---------------------------------------------------------------- the draw


def _register_name(path: str | os.PathLike[str]) -> str:
    name = os.fspath(path)
    if name == "-":
        raise FileFormatError(
            "a register is read from a file, not from standard input ('-'): its "
            "fingerprint is over the file's bytes; give the path of the register"
        )
    return name


@checked
def draw_sample(
    register: str | os.PathLike[str],
    *,
    id_column: str,
    seed: str,
    size: int | None = None,
    plan: SamplePlan | None = None,
    stratify: str | None = None,
) -> Sample:
    """
    Draw a sample from the register file *register* (CSV, or an
    ``.xlsx`` workbook's first sheet: see
    :func:`goudenoor.files.read_register`) by the method ``sha256-rank/1``
    (:func:`goudenoor.audit.draw`).

    The size is *size*, or else the *plan*'s with its population the
    register's number of records (the register is then read whole before
    the draw). With both, a *size* below the plan's is refused.

    Args:
        register: The register file.
        id_column: The column that holds each record's id.
        seed: The seed of the draw (chosen after the register is fixed).
        size: The number of records to draw.
        plan: The plan the size comes from (its population, if given,
            must be the register's number of records).
        stratify: The column to stratify by, if any.

    Raises:
        FileFormatError: The register cannot be read, or it has an empty
            or repeated id (the rows named).
        SamplingError: Neither a size nor a plan, a size below the plan's
            or above the number of records, or a plan that does not fit.
    """
    name = _register_name(register)
    records = read_register(name, id_column=id_column, stratify=stratify)
    fitted: SamplePlan | None = None
    if size is None:
        if plan is None:
            msg = "give the sample size, or a plan to compute it from"
            raise SamplingError(msg)
        # The plan's size needs the number of records before the draw:
        # the register is read whole first (memory grows with its ids).
        pairs = list(records)
        fitted = _fitted(plan, records.records)
        drawn = draw(pairs, size=fitted.size, seed=seed)
    else:
        drawn = draw(records, size=size, seed=seed)
        if plan is not None:
            fitted = _fitted(plan, records.records)
            if size < fitted.size:
                msg = (
                    f"a sample of {size} is smaller than the plan's {fitted.size} "
                    f"records (confidence {fitted.confidence!r}, tolerable "
                    f"{fitted.tolerable!r}, expected {fitted.expected}, population "
                    f"{fitted.population}): it could not show what the plan asks"
                )
                raise SamplingError(msg)
    return Sample(
        register=SampledRegister(
            sha256=records.sha256,
            records=records.records,
            id_column=id_column,
            stratify=stratify,
        ),
        seed=seed,
        ids=drawn.ids,
        plan=fitted,
        strata=drawn.strata,
    )


def _fitted(plan: SamplePlan, records: int) -> SamplePlan:
    """*plan* with the register's *records* as its population."""
    if plan.population is not None and plan.population != records:
        msg = (
            f"the plan's population of {plan.population} records is not the "
            f"register's {records} records"
        )
        raise SamplingError(msg)
    return attrs.evolve(plan, population=records)


@checked
def verify_sample(sample: Sample, register: str | os.PathLike[str]) -> tuple[str, ...]:
    """
    Check *sample* against the register file *register*: what differs,
    an empty tuple when the register's SHA-256, its number of records and
    the redraw all agree with what the sample records.

    Raises:
        FileFormatError: The register cannot be opened or read at all.
    """
    name = _register_name(register)
    recorded = sample.register
    problems: list[str] = []
    if sample.method != SAMPLE_METHOD:
        unknown = (
            f"the sample's method {excerpt(sample.method)} is not "
            f"{SAMPLE_METHOD!r}: it cannot be redrawn by this version"
        )
        return (unknown,)
    records = read_register(
        name, id_column=recorded.id_column, stratify=recorded.stratify
    )
    try:
        drawn = draw(records, size=len(sample.ids), seed=sample.seed)
    except (FileFormatError, SamplingError) as exc:
        digest = _file_sha256(name)
        if digest != recorded.sha256:
            problems.append(_changed_hash(digest, recorded.sha256))
        reason = exc.reason if isinstance(exc, FileFormatError) else str(exc)
        problems.append(f"the register cannot be drawn from again: {reason}")
        return tuple(problems)
    if records.sha256 != recorded.sha256:
        problems.append(_changed_hash(records.sha256, recorded.sha256))
    if records.records != recorded.records:
        problems.append(
            f"the register holds {records.records} records, the sample "
            f"records {recorded.records}"
        )
    if drawn.ids != sample.ids:
        others = [ident for ident in drawn.ids if ident not in set(sample.ids)]
        problems.append(
            "the redraw selects other records: "
            + (
                f"{len(others)} of the {len(sample.ids)} drawn ids differ "
                f"(the first: {excerpt(others[0])})"
                if others
                else "the same ids in another order"
            )
        )
    elif drawn.strata != sample.strata:
        problems.append("the redraw gives other strata than the sample records")
    return tuple(problems)


def _changed_hash(found: str, recorded: str) -> str:
    return (
        f"the register's SHA-256 is {found}, the sample records {recorded}: "
        "the register changed since the draw"
    )


def _file_sha256(name: str) -> str:
    try:
        # closefd=False: open_regular closes the descriptor.
        with (
            open_regular(name) as fd,
            open(fd, "rb", buffering=0, closefd=False) as file,
        ):
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None


# ---------------------------------------------------------------- results

_OUTCOMES: dict[str, bool] = {"ok": False, "afwijking": True, "deviation": True}
"""A result's outcome -> whether it is a deviation."""


@checked
def read_results(text: str, sample: Sample, *, source: str = "<string>") -> int:
    """
    The number of deviations in a results file's *text*: a CSV (``,``,
    ``;`` or tab) with the columns ``id`` and ``outcome`` (``ok``, or
    ``afwijking`` or ``deviation``), a row for every drawn id of *sample*
    and for nothing else.

    Raises:
        FileFormatError: A column missing, an outcome not known, an id
            that was not drawn or that is listed twice (the rows named),
            or a drawn id without a row (the ids named).
    """
    lines = text.removeprefix("\ufeff").splitlines(keepends=True)
    if not lines or not lines[0].strip():
        raise FileFormatError(
            "the results are empty: expected a header row 'id,outcome'", source
        )
    delimiter = max((";", "\t", ","), key=lines[0].count)
    rows = csv.reader(lines, delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(rows)]
    for column in ("id", "outcome"):
        if column not in header:
            found = ", ".join(excerpt(name) for name in header if name)
            raise FileFormatError(
                f"no column {column!r} in the header row (expected 'id' and "
                f"'outcome'); its columns are {found}",
                source,
            )
    at, outcome_at = header.index("id"), header.index("outcome")
    drawn = set(sample.ids)
    seen: dict[str, int] = {}
    problems: list[str] = []
    deviations = 0
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        ident = row[at].strip() if at < len(row) else ""
        outcome = row[outcome_at].strip().lower() if outcome_at < len(row) else ""
        problem = _result_problem(ident, outcome, drawn, seen.get(ident))
        if problem is not None:
            problems.append(f"row {number}: {problem}")
        else:
            deviations += _OUTCOMES[outcome]
        seen.setdefault(ident, number)
    missing = [ident for ident in sample.ids if ident not in seen]
    if missing:
        shown = ", ".join(excerpt(ident) for ident in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""  # noqa: PLR2004
        problems.append(f"no row for the drawn ids {shown}{more}")
    if problems:
        raise FileFormatError(
            "the results do not give one outcome per drawn id: " + "; ".join(problems),
            source,
        )
    return deviations


def _result_problem(
    ident: str, outcome: str, drawn: set[str], first: int | None
) -> str | None:
    """What is wrong with one row of the results, or ``None``."""
    if ident not in drawn:
        return f"{excerpt(ident)} was not drawn"
    if first is not None:
        return f"{excerpt(ident)} is listed again (first in row {first})"
    if outcome not in _OUTCOMES:
        return f"outcome {excerpt(outcome)} is not 'ok', 'afwijking' or 'deviation'"
    return None


# ---------------------------------------------------------------- evidence

_CHECKPOINT = {"nl": "Controlepunt", "en": "Checkpoint"}


@checked
def sample_evidence(
    evaluation: SampleEvaluation,
    sample_path: str | os.PathLike[str],
    assessment_path: str | os.PathLike[str],
    *,
    by: str,
    date: datetime.date | None = None,
    checkpoint: str | None = None,
    language: Literal["nl", "en"] = "nl",
) -> Evidence:
    """
    The evidence item (kind ``sample``) of *evaluation*: its conclusion as
    the reference (after the *checkpoint* it is about, if given: the
    evidence has no field of its own for it), the sample file's path
    relative to the assessment file's folder and its SHA-256, the *date*
    (default: today) and who collected it.

    Raises:
        GoudenoorError: The sample file is not in the assessment's folder
            or below it (evidence paths stay inside it).
        FileFormatError: The sample file cannot be read.
    """
    folder = Path(assessment_path).parent.resolve()
    real = Path(sample_path).resolve()
    if not real.is_relative_to(folder):
        raise GoudenoorError(
            f"{os.fspath(sample_path)}: the sample file is not in the folder of "
            f"{os.fspath(assessment_path)} or below it, and an evidence path "
            "stays inside the assessment's folder: move the sample file there"
        )
    reference = evaluation.text(language)
    if checkpoint is not None:
        reference = f"{_CHECKPOINT[language]} {checkpoint}: {reference}"
    return Evidence(
        kind="sample",
        reference=reference,
        date=datetime.date.today() if date is None else date,  # noqa: DTZ011 - the user's local day
        path=real.relative_to(folder).as_posix(),
        sha256=_file_sha256(os.fspath(sample_path)),
        collected_by=by,
    )


# ---------------------------------------------------------------- outputs


def _plan_keys(get: Any) -> tuple[Key, ...]:
    return (
        Key(
            "confidence",
            float,
            "How sure the conclusion is (0.95 for 95 %).",
            get=lambda v: get(v).confidence,
        ),
        Key(
            "tolerable",
            float,
            "The highest deviation rate that meets the norm.",
            get=lambda v: get(v).tolerable,
        ),
        Key(
            "expected",
            int,
            "The deviations the sample may hold and still show it.",
            get=lambda v: get(v).expected,
        ),
        Key(
            "population",
            int | None,
            "The number of records in the population, or null (binomial).",
            get=lambda v: get(v).population,
        ),
    )


SAMPLE_PLAN_SHAPE = Object(
    "A sample plan: the size and what it assumes.",
    (
        *_plan_keys(lambda plan: plan),
        Key(
            "model",
            Literal["binomial", "hypergeometric"],
            "binomial without a population, hypergeometric with one.",
            get=lambda plan: (
                "binomial" if plan.population is None else "hypergeometric"
            ),
        ),
        Key(
            "size",
            int,
            "The number of records to read.",
            get=lambda plan: plan.size,
        ),
    ),
    marker=SAMPLE_PLAN_FORMAT,
)
"""The data of ``goudenoor sample plan``, read from a SamplePlan."""

SAMPLE_EVALUATION_SHAPE = Object(
    "What a sample shows about its population.",
    (
        *_plan_keys(lambda item: item[0].plan),
        Key("size", int, "The records read.", get=lambda item: item[0].size),
        Key(
            "deviations",
            int,
            "The deviations found among them.",
            get=lambda item: item[0].deviations,
        ),
        Key(
            "upper_limit",
            float,
            "The upper limit of the deviation rate at the plan's confidence.",
            get=lambda item: item[0].upper_limit,
        ),
        Key(
            "within",
            bool,
            "Whether the sample shows the rate is below the tolerable rate.",
            get=lambda item: item[0].within,
        ),
        Key(
            "conclusion",
            str,
            "The conclusion in words, in the language asked for.",
            get=lambda item: item[0].text(item[1]),
        ),
    ),
    marker=SAMPLE_EVALUATION_FORMAT,
)
"""The data of ``goudenoor sample evaluate``, read from (SampleEvaluation,
language)."""
