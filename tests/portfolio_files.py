"""
Assessment files with hand-computable scores, shared by the portfolio tests.

gos-2012 has nine areas with equal requirement weights; the organisation
areas are worth 10, 20, 20, 10 and 10 points, the result areas 10, 5, 5 and
10 (100 in all). A file rates every requirement, so an area's share is the
mean of its values divided by 4 (scale gos-0-4).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import goudenoor as go


def requirement_ids() -> list[str]:
    """Every requirement of gos-2012, in order."""
    return [r.id for r in go.load_standard("gos-2012").requirements]


def audit_text(organisation: str, values: Mapping[str, int], default: int = 0) -> str:
    """An assessment/1 text rating every requirement (*default* if not in *values*)."""
    lines = [
        "goudenoor: assessment/1",
        "edition: gos-2012",
        f"organisation: {organisation}",
        "date: 2026-03-01",
        "scale: gos-0-4",
        "ratings:",
    ]
    for requirement_id in requirement_ids():
        lines.append(f'  "{requirement_id}":')
        lines.append(f"    value: {values.get(requirement_id, default)}")
    return "\n".join(lines) + "\n"


BROKEN = {
    "e.yaml": (
        "goudenoor: assessment/1\nedition: gos-1999\norganisation: X\n"
        "date: 2026-01-01\nratings: {}\n"
    ),
    "l.yaml": "- just\n- a list\n",
    "v.yaml": (
        "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
        'date: 2026-01-01\nratings:\n  "1.1":\n    value: 7\n'
    ),
}
"""Three broken files: an unknown edition, not a mapping, a value off the scale."""


def broken_messages(folder: Path) -> dict[str, str]:
    """The exact error of each broken file, written in *folder*."""
    return {
        str(folder / "e.yaml"): f"{folder / 'e.yaml'}:2:1 edition: unknown edition "
        "'gos-1999'; did you mean 'gos-2012', 'gos-2016'?",
        str(folder / "l.yaml"): f"{folder / 'l.yaml'}:1:1: expected a mapping, "
        "got a list",
        str(folder / "v.yaml"): f'{folder / "v.yaml"}:7:5 ratings."1.1".value: 7 '
        "is not on scale gos-0-4 (0, 1, 2, 3, 4)",
    }


def write_portfolio(folder: Path, *, broken: bool = False) -> list[Path]:
    """
    Three good files (and the broken ones, if asked), sorted by name:

    - ``a.yaml`` "Alfa": every value 4: every area full, 70 + 30 = 100.
    - ``b.yml`` "Beta": every value 2: every area half, 35 + 15 = 50.
    - ``sub/c.yaml`` "Gamma": area 1 rated 4, 4, 0, 0, 2 (share 0.5, 5
      points), area 6 rated 4 and 2 (share 0.75, 7.5 points), all else 0:
      5 + 7.5 = 12.5.
    """
    (folder / "sub").mkdir(parents=True, exist_ok=True)
    files = {
        "a.yaml": audit_text("Alfa", {}, default=4),
        "b.yml": audit_text("Beta", {}, default=2),
        "sub/c.yaml": audit_text(
            "Gamma", {"1.1": 4, "1.2": 4, "1.5": 2, "6.1": 4, "6.2": 2}
        ),
    }
    if broken:
        files.update(BROKEN)
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return sorted(written)
