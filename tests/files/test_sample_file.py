"""
The sample/1 file, drawing from a register file and verifying against it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, strategies as st

import goudenoor as go
from goudenoor.audit import SampledRegister, Stratum


def _register(path: Path, count: int = 200) -> str:
    rows = "".join(
        f"Z-{n};{'Noord' if n % 4 else 'Zuid'};vrije tekst {n}\n" for n in range(count)
    )
    path.write_text("zaak;team;tekst\n" + rows, encoding="utf-8")
    return str(path)


def test_draw_is_the_same_in_another_process(tmp_path: Path) -> None:
    """
    The draw depends on the seed and the ids alone: another Python process
    (another hash seed) draws the same ids.
    """
    name = _register(tmp_path / "r.csv")
    sample = go.draw_sample(name, id_column="zaak", seed="s", size=12)
    code = (
        "import goudenoor as go, sys;"
        f"print(' '.join(go.draw_sample({name!r}, id_column='zaak', seed='s',"
        " size=12).ids))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, PYTHONHASHSEED="123"),
    )

    assert " ".join(sample.ids) == done.stdout.strip()


def test_one_changed_byte_makes_verify_fail(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    sample = go.draw_sample(_register(path), id_column="zaak", seed="s", size=10)
    assert () == go.verify_sample(sample, path)
    data = bytearray(path.read_bytes())
    data[-2] = ord("X")  # in the free text of the last record
    path.write_bytes(bytes(data))

    problems = go.verify_sample(sample, path)

    assert 1 == len(problems)
    assert problems[0].startswith("the register's SHA-256 is ")
    assert problems[0].endswith("the register changed since the draw")


def test_stratified_draw_adds_up(tmp_path: Path) -> None:
    name = _register(tmp_path / "r.csv")
    sample = go.draw_sample(
        name,
        id_column="zaak",
        seed="s",
        plan=go.SamplePlan(0.95, 0.05),
        stratify="team",
    )

    assert sample.plan is not None
    assert sample.plan.size == len(sample.ids)
    assert 200 == sample.plan.population
    assert len(sample.ids) == sum(len(s.ids) for s in sample.strata)
    assert [("Noord", 150), ("Zuid", 50)] == [
        (s.name, s.records) for s in sample.strata
    ]


def test_size_below_the_plan_refused(tmp_path: Path) -> None:
    name = _register(tmp_path / "r.csv")
    try:
        go.draw_sample(
            name, id_column="zaak", seed="s", size=10, plan=go.SamplePlan(0.95, 0.05)
        )
    except go.SamplingError as exc:
        message = str(exc)

    assert (
        "a sample of 10 is smaller than the plan's 51 records (confidence 0.95, "
        "tolerable 0.05, expected 0, population 200): it could not show what the "
        "plan asks"
    ) == message


def test_file_round_trip(tmp_path: Path) -> None:
    name = _register(tmp_path / "r.csv")
    sample = go.draw_sample(name, id_column="zaak", seed="s", size=7, stratify="team")
    go.save_sample(sample, tmp_path / "s.yaml")

    assert sample == go.load_sample(tmp_path / "s.yaml")
    try:
        go.save_sample(sample, tmp_path / "s.yaml")
    except go.GoudenoorError as exc:
        refused = str(exc)
    assert (
        f"{tmp_path / 's.yaml'}: file exists; not overwritten (pass "
        "overwrite=True to replace it)"
    ) == refused


def test_free_text_is_never_copied(tmp_path: Path) -> None:
    sample = go.draw_sample(
        _register(tmp_path / "r.csv"), id_column="zaak", seed="s", size=20
    )

    assert "vrije tekst" not in go.dump_sample(sample)


# No control characters: the one YAML reader refuses them in any text.
_IDS = st.lists(
    st.text(alphabet="abXY éö=+-@#'09:", min_size=1, max_size=8).filter(
        lambda t: t.strip() == t and t
    ),
    min_size=1,
    max_size=6,
    unique=True,
)


@given(
    ids=_IDS,
    seed=st.text(alphabet="ab09 -:'", min_size=1, max_size=10),
    plan=st.none()
    | st.builds(
        go.SamplePlan,
        confidence=st.sampled_from([0.9, 0.95, 0.99]),
        tolerable=st.sampled_from([0.05, 0.1]),
    ),
    stratified=st.booleans(),
)
def test_sample_round_trip(
    ids: list[str], seed: str, plan: go.SamplePlan | None, stratified: bool
) -> None:
    """Hypothesis: loads_sample(dump_sample(s)) == s."""
    strata = (
        (Stratum(name="a", records=len(ids) + 3, ids=tuple(ids)),) if stratified else ()
    )
    sample = go.Sample(
        register=SampledRegister(
            sha256="0" * 64,
            records=len(ids) + 3,
            id_column="id",
            stratify="team" if stratified else None,
        ),
        seed=seed,
        ids=tuple(ids),
        plan=plan,
        strata=strata,
    )

    assert sample == go.loads_sample(go.dump_sample(sample))
