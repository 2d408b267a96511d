"""
`goudenoor benchmark FILE --against PATH...`: percentile ranks per area and
of the total among the peers of FILE's edition.

The files (gos-2012, every requirement rated, so an area's points are its
maximum times the mean value / 4):

- ``me.yaml``: every value 2, area 1 all 4: area 1 10 of 10 points, every
  other area half its maximum; total 50 + 5 = 55.
- peers ``p0`` (every value 0: total 0), ``p1`` (1: 25), ``p2`` (2: 50),
  ``p4`` (4: 100).

Among the four peers (``100 * (below + ties / 2) / 4``):

- total 55: below 0, 25, 50: 3 / 4 = 75.0;
- area 1, 10 points: below 0, 2.5, 5, tied with p4's 10: 3.5 / 4 = 87.5;
- area 2, 10 of 20: below 0, 5, tied with p2's 10: 2.5 / 4 = 62.5, and
  likewise every other area.
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest

import goudenoor as go
from helpers import run
from portfolio_files import BROKEN, audit_text, broken_messages


STD2012 = go.load_standard("gos-2012")
AREA_1 = {r.id: 4 for r in STD2012.requirements if r.area_id == "1"}


@pytest.fixture(name="folder")
def _folder(tmp_path: Path) -> Path:
    peers = tmp_path / "peers"
    peers.mkdir()
    (tmp_path / "me.yaml").write_text(
        audit_text("Zorggroep Oost", AREA_1, default=2), encoding="utf-8"
    )
    for value in (0, 1, 2, 4):
        (peers / f"p{value}.yaml").write_text(
            audit_text(f"Peer {value}", {}, default=value), encoding="utf-8"
        )
    return tmp_path


def test_text_hand_computed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        "benchmark", str(folder / "me.yaml"), "--against", str(folder / "peers")
    )

    assert (0, "") == (code, capsys.readouterr().err)
    assert out.splitlines() == [
        (
            "Zorggroep Oost, gos-2012, audit of 2026-03-01: percentile ranks "
            "among 4 audits of gos-2012"
        ),
        "area  1   87.5",
        *(f"area  {area}   62.5" for area in range(2, 10)),
        "total     75.0",
    ]


def test_json_is_the_domains_as_dict(folder: Path) -> None:
    code, out = run(
        "benchmark", str(folder / "me.yaml"), "--against",
        str(folder / "peers" / "p0.yaml"), str(folder / "peers" / "p4.yaml"),
        "--format", "json",
    )  # fmt: skip

    assert 0 == code
    data = json.loads(out)
    # Among 0 and 100: total 55 has one below (1 / 2); area 1 (10) has one
    # below and ties p4 (1.5 / 2); area 2 (10 of 20) one below (1 / 2).
    assert data == {
        "goudenoor": "percentile-ranks/1",
        "organisation": "Zorggroep Oost",
        "unit": None,
        "edition": "gos-2012",
        "date": "2026-03-01",
        "peers": 2,
        "left_out": 0,
        "total": 50.0,
        "extensions": [],
        "areas": {"1": 75.0, **{str(area): 50.0 for area in range(2, 10)}},
    }


def test_the_file_itself_is_no_peer(folder: Path) -> None:
    """
    FILE found again among the peers (here through a folder that holds it,
    named by another path) is left out: the ranks are those among the four
    others.
    """
    _, alone = run(
        "benchmark", str(folder / "me.yaml"), "--against", str(folder / "peers")
    )
    roundabout = folder / "peers" / ".." / "me.yaml"
    code, out = run("benchmark", str(roundabout), "--against", str(folder))

    assert 0 == code
    assert out == alone
    assert "among 4 audits" in out


def test_a_file_from_stdin_is_not_recognised_among_the_peers(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = folder / "me.yaml"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(me.read_bytes())))
    code, out = run("benchmark", "-", "--against", str(folder / "peers"), str(me))

    assert 0 == code
    # Among the four peers and its own copy (a tie): total (3 + 1 / 2) / 5.
    assert "total     70.0" == out.splitlines()[-1]


def test_the_file_alone_is_no_peer_group(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    me = str(folder / "me.yaml")
    code, out = run("benchmark", me, "--against", me)

    assert (2, "") == (code, out)
    assert (
        f"goudenoor: error: --against: no peers to compare {me} with: the only "
        "assessment given is the file itself\n"
    ) == (capsys.readouterr().err)


def test_refused_peers_are_named_and_the_rest_used(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    peers = folder / "peers"
    for name, text in BROKEN.items():
        (peers / name).write_text(text, encoding="utf-8")
    _, good = run(
        "benchmark",
        str(folder / "me.yaml"),
        "--against",
        str(folder / "peers" / "p*.yaml"),
    )
    capsys.readouterr()

    code, out = run("benchmark", str(folder / "me.yaml"), "--against", str(peers))

    assert 1 == code
    assert out == good
    assert capsys.readouterr().err.splitlines() == [
        f"goudenoor: error: {message}" for message in broken_messages(peers).values()
    ]


def gos_2016_file(folder: Path) -> Path:
    std = go.load_standard("gos-2016")
    path = folder / "other-edition.yaml"
    go.save_assessment(
        go.Assessment(
            edition="gos-2016",
            organisation="Zorggroep West",
            date=datetime.date(2026, 3, 1),
            ratings={r.id: go.Rating(value=2) for r in std.requirements},
        ),
        path,
    )
    return path


def test_peers_of_other_editions_are_left_out_and_counted(folder: Path) -> None:
    other = gos_2016_file(folder)
    code, out = run(
        "benchmark",
        str(folder / "me.yaml"),
        "--against",
        str(folder / "peers"),
        str(other),
    )

    assert 0 == code
    lines = out.splitlines()
    assert "among 4 audits of gos-2012" in lines[0]
    assert (
        [
            "total     75.0",
            (
                "1 audit of other standards (another edition, or other "
                "extensions) left out"
            ),
        ]
    ) == lines[-2:]


def test_peers_of_another_edition_only_is_an_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = gos_2016_file(folder)
    code, out = run("benchmark", str(folder / "me.yaml"), "--against", str(other))

    assert (2, "") == (code, out)
    assert (
        "goudenoor: error: no score card of the same standard (gos-2012) to compare "
        "with; got 1 of other standards: gos-2016: 1\n"
    ) == (capsys.readouterr().err)


def test_a_path_without_files_is_a_usage_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pattern = str(folder / "nothing-*.yaml")
    code, _ = run("benchmark", str(folder / "me.yaml"), "--against", pattern)

    assert 2 == code
    assert (
        f"goudenoor: error: no assessment files in {pattern!r} (expected a file, "
        "a folder with *.yaml or *.yml files, or a glob pattern that matches files)\n"
    ) == (capsys.readouterr().err)


def test_against_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run("benchmark", "me.yaml")
    assert 2 == exc.value.code
    assert (
        "goudenoor: error: the following arguments are required: --against "
        "(see 'goudenoor benchmark --help')\n"
    ) == (capsys.readouterr().err)


def test_markdown_dutch_by_default_and_english(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "rank.md"
    argv = ("benchmark", str(folder / "me.yaml"), "--against", str(folder / "peers"))
    code, out = run(*argv, "--format", "md", "-o", str(target))

    assert (0, "") == (code, out)
    dutch = target.read_text(encoding="utf-8").splitlines()
    assert (
        [
            "# Percentielrangen: Zorggroep Oost",
            "",
            "- **Editie:** gos-2012",
            "- **Datum audit:** 2026-03-01",
            "- **Vergelijkingsgroep:** 4 audits van gos-2012",
        ]
    ) == dutch[:5]
    assert "| 1 Stem van de klant | 87.5 |" in dutch
    assert "| **Totaal** | **75.0** |" == dutch[-1]
    code, english = run(*argv, "--format", "md", "--language", "en")
    assert "# Percentile ranks: Zorggroep Oost" == english.splitlines()[0]
    assert "| Area | Percentile rank |" in english.splitlines()
    code, _ = run(*argv, "--format", "md", "-o", str(target))
    assert 2 == code  # an existing OUT is replaced only with --force
    assert 0 == run(*argv, "--format", "md", "-o", str(target), "--force")[0]


def test_markdown_escapes_the_organisation_and_unit(folder: Path) -> None:
    text = audit_text("Zorg*groep | [x]", AREA_1, default=2).replace(
        "scale: gos-0-4", "scale: gos-0-4\nunit: <b>Noord</b>"
    )
    (folder / "me.yaml").write_text(text, encoding="utf-8")
    code, out = run(
        "benchmark", str(folder / "me.yaml"), "--against", str(folder / "peers"),
        "--format", "md",
    )  # fmt: skip

    assert 0 == code
    assert (
        [
            r"# Percentielrangen: Zorg\*groep \| \[x\]",
            "",
            "- **Eenheid:** &lt;b&gt;Noord&lt;/b&gt;",
        ]
    ) == out.splitlines()[:3]


def test_scoring_options_apply_to_file_and_peers(folder: Path) -> None:
    """
    Under the strict evidence policy a value of 2 or more without evidence
    (gos-0-4's evidence_from) is capped at 1 (none of these files has
    evidence): FILE, p2 and p4 become every value 1, like p1. Then FILE is
    above p0 and tied with the three others: (1 + 3 / 2) / 4 = 62.5 for
    the total and every area.
    """
    argv = ("benchmark", str(folder / "me.yaml"), "--against", str(folder / "peers"))
    code, out = run(*argv, "--format", "json", "--evidence-policy", "strict")

    assert 0 == code
    data = json.loads(out)
    assert (62.5, {62.5}) == (data["total"], set(data["areas"].values()))


def test_jobs_give_the_same_ranks(folder: Path) -> None:
    argv = ("benchmark", str(folder / "me.yaml"), "--against", str(folder / "peers"))
    assert run(*argv, "--jobs", "2") == run(*argv)
