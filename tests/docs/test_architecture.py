"""
docs/architecture.md shows the package as it is: a row for every module of
the installed package and none for a module that does not exist, and
diagrams that are the import-linter ``layers`` contracts of pyproject.toml.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import goudenoor as go
from conftest import ROOT


PACKAGE = Path(go.__file__).parent
PAGE = ROOT / "docs" / "architecture.md"
TABLES = "## The modules, one row each"
DIAGRAM = "### The layers of the package"
INNER_DIAGRAMS = "### The layers inside the packages"


def installed_modules(package: Path) -> set[str]:
    """
    What the page must have a row for, as paths relative to *package*:
    every Python module, every other file beside modules (``py.typed``),
    and every folder of data that holds no module (``data/editions/``).
    """
    found: set[str] = set()
    for path in package.rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(package)
        if path.suffix == ".py" or any(
            sibling.suffix == ".py" for sibling in path.parent.iterdir()
        ):
            found.add(relative.as_posix())
        else:
            found.add(f"{relative.parent.as_posix()}/")
    return found


def section(text: str, heading: str) -> str:
    """
    The part of *text* from the line *heading* to the next heading of the
    same or a higher level.
    """
    level = heading.split(" ", 1)[0]
    lines = text.splitlines()
    if heading not in lines:
        pytest.fail(f"docs/architecture.md has no heading {heading!r}")
    start = lines.index(heading) + 1
    end = next(
        (
            i
            for i in range(start, len(lines))
            if lines[i].startswith("#") and len(lines[i].split(" ", 1)[0]) <= len(level)
        ),
        len(lines),
    )
    return "\n".join(lines[start:end])


def table_rows(text: str) -> list[str]:
    """
    The modules the tables of *text* name: the first cell of each row,
    written as code.
    """
    return re.findall(r"^\| `([^`]+)` \|", text, flags=re.MULTILINE)


def diagram_rows(text: str) -> list[tuple[str, str]]:
    """
    The rows of the first ```text block of *text*, as (group, layer): the
    group is the left column (repeated down to the next one given), the
    layer the next one; columns are two or more spaces apart.
    """
    match = re.search(r"^```text\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)
    if match is None:
        pytest.fail("a section of docs/architecture.md has no diagram")
    lines = [line for line in match.group(1).splitlines() if line.strip()]
    margin = min(len(line) - len(line.lstrip()) for line in lines)
    rows: list[tuple[str, str]] = []
    group = ""
    for line in lines:
        fields = re.split(r"\s{2,}", line.strip())
        if len(line) - len(line.lstrip()) == margin:
            group, layer = fields[0], fields[1]
        else:
            layer = fields[0]
        rows.append((group, layer))
    return rows


def normalised(layer: str) -> str:
    """
    A layer with its independent modules (``a | b``) in one order.
    """
    return " | ".join(sorted(part.strip() for part in layer.split("|")))


def layers_contracts() -> dict[str, list[str]]:
    """
    The ``layers`` contracts of pyproject.toml: container to its layers,
    top to bottom.
    """
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: dict[str, list[str]] = {}
    for contract in config["tool"]["importlinter"]["contracts"]:
        if contract["type"] != "layers":
            continue
        for container in contract["containers"]:
            contracts[container] = [normalised(layer) for layer in contract["layers"]]
    return contracts


def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_every_module_has_a_row() -> None:
    """
    Every module of the installed package (and every folder of its data)
    has a row in the tables of docs/architecture.md.
    """
    rows = set(table_rows(section(page(), TABLES)))

    assert [] == sorted(installed_modules(PACKAGE) - rows)


def test_every_row_is_a_module() -> None:
    """
    No row names a module that does not exist, and none is given twice.
    """
    rows = table_rows(section(page(), TABLES))
    repeated = sorted({row for row in rows if rows.count(row) > 1})

    assert ([], []) == (sorted(set(rows) - installed_modules(PACKAGE)), repeated)


def test_diagram_is_the_layers_contract() -> None:
    """
    The diagram of the package's layers lists the layers of the contract
    over ``goudenoor``, in its order.
    """
    rows = diagram_rows(section(page(), DIAGRAM))

    assert layers_contracts()["goudenoor"] == [normalised(layer) for _, layer in rows]


def test_inner_diagrams_are_the_inner_contracts() -> None:
    """
    The diagram of the layers inside the packages has one block per other
    ``layers`` contract, its container on the left, with the contract's
    layers in its order.
    """
    drawn: dict[str, list[str]] = {}
    for container, layer in diagram_rows(section(page(), INNER_DIAGRAMS)):
        drawn.setdefault(container, []).append(normalised(layer))
    contracts = layers_contracts()
    del contracts["goudenoor"]

    assert contracts == drawn


def test_modules_listed_by_file_and_data_by_folder(tmp_path: Path) -> None:
    """
    The rows a package needs: each module and each file beside modules by
    its path, a folder of data (and the folders inside it) by its own.
    """
    for name in (
        "__init__.py",
        "py.typed",
        "sub/__init__.py",
        "sub/_private.py",
        "sub/__pycache__/_private.cpython-311.pyc",
        "data/editions/a.yaml",
        "data/editions/a.pickle",
        "data/crosswalks/b.yaml",
        "sub/templates/page.html.j2",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")

    assert {
        "__init__.py",
        "py.typed",
        "sub/__init__.py",
        "sub/_private.py",
        "data/editions/",
        "data/crosswalks/",
        "sub/templates/",
    } == installed_modules(tmp_path)


def test_diagram_rows_read_groups_and_independent_layers() -> None:
    """
    A diagram row is read as its group and its layer; a layer of
    independent modules keeps both, and the description is not part of
    it.
    """
    text = (
        "```text\n"
        " top      cli          the command\n"
        "          files\n"
        " base     a | _b       two independent modules\n"
        "```\n"
    )

    assert [("top", "cli"), ("top", "files"), ("base", "a | _b")] == diagram_rows(text)
