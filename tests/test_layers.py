"""
What import-linter cannot see: imports by a string. The layers contracts in
pyproject.toml (run by `lint-imports`) only hold if every import of a
goudenoor module is an import statement, or a lazy package's table entry
that an import statement under TYPE_CHECKING mirrors (import-linter counts
those).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import goudenoor as go


PACKAGE = Path(go.__file__).parent

PROBES = {
    "report/_html.py": {"jinja2", "matplotlib"},
    # The old module paths, each the name of a public package of its own
    # (test_old_module_paths_name_public_packages).
    "_moved.py": {"importlib.import_module(MOVED_MODULES[module.__name__])"},
    "_lazy.py": {"importlib.import_module(f'{package}.{module}')"},
}
"""Files that may import by name, and the only modules they may name: the
lazy packages' helper names only what a table gives (checked below)."""

LAZY_PACKAGES = ("audit", "files", "interchange", "portfolio", "report", "standard")
"""The packages whose ``__init__`` is a table for ``_lazy.exports``."""


def _dynamic_imports(tree: ast.AST) -> list[ast.Call]:
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        if name in ("importlib.import_module", "import_module", "__import__"):
            calls.append(node)
    return calls


def _loop_values(tree: ast.AST, variable: str) -> set[str]:
    """The strings a `for variable in (...)` loop gives its variable."""
    values: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.For)
            and isinstance(node.target, ast.Name)
            and node.target.id == variable
            and isinstance(node.iter, (ast.Tuple, ast.List))
        ):
            values.update(
                element.value
                for element in node.iter.elts
                if isinstance(element, ast.Constant) and isinstance(element.value, str)
            )
    return values


def test_no_module_imports_by_string() -> None:
    """
    Only the facade (goudenoor/__init__.py, checked by test_facade.py)
    and the lazy packages' helper imports goudenoor modules by name; a
    probe for an extra names only its extras.
    """
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _dynamic_imports(tree):
            argument = call.args[0] if call.args else None
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                names = {argument.value}
            elif isinstance(argument, ast.Name):
                names = _loop_values(tree, argument.id) or {f"<{argument.id}>"}
            else:
                names = {ast.unparse(call)}
            found.setdefault(relative, set()).update(names)
    assert PROBES == found


def test_the_check_sees_a_string_import() -> None:
    tree = ast.parse("import importlib\nimportlib.import_module('goudenoor.files')\n")
    assert 1 == len(_dynamic_imports(tree))
    tree = ast.parse("m = __import__('goudenoor.files')\n")
    assert 1 == len(_dynamic_imports(tree))


def test_old_module_paths_name_public_packages() -> None:
    """
    What the finder of old module paths imports by name: a public package,
    which import-linter sees through its own imports.
    """
    from goudenoor import _moved

    targets = set(_moved.MOVED_MODULES.values())

    assert set() == {t for t in targets if "._" in t or not t.startswith("goudenoor.")}


def _exports_calls(tree: ast.Module) -> list[str]:
    return [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "_lazy.exports"
    ]


def _table(tree: ast.Module) -> dict[str, str]:
    """The ``_EXPORTS`` dict literal of a package's ``__init__``."""
    for node in tree.body:
        if (
            isinstance(node, ast.AnnAssign)
            and ast.unparse(node.target) == "_EXPORTS"
            and node.value is not None
        ):
            table = ast.literal_eval(node.value)
            assert isinstance(table, dict)
            return table
    raise AssertionError("no _EXPORTS table")


def _mirrored(tree: ast.Module, package: str) -> dict[str, str]:
    """The table the ``if TYPE_CHECKING:`` block of an ``__init__`` gives."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
            continue
        for statement in node.body:
            if isinstance(statement, ast.Assign):
                # `other = name`: a name the package gives under another name
                (target,) = statement.targets
                assert isinstance(target, ast.Name), ast.unparse(statement)
                assert isinstance(statement.value, ast.Name), ast.unparse(statement)
                module = found.pop(statement.value.id)
                found[target.id] = f"{module}:{statement.value.id}"
                continue
            assert isinstance(statement, ast.ImportFrom), ast.unparse(statement)
            assert statement.module is not None, ast.unparse(statement)
            assert statement.module.startswith(f"{package}."), statement.module
            for alias in statement.names:
                assert alias.asname in (None, alias.name), ast.unparse(statement)
                found[alias.name] = statement.module.removeprefix(f"{package}.")
    return found


def test_only_the_lazy_packages_use_the_helper() -> None:
    """
    Every package whose ``__init__`` calls ``_lazy.exports`` is listed in
    LAZY_PACKAGES, so that the checks below cover it.
    """
    users = sorted(
        path.parent.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if _exports_calls(ast.parse(path.read_text(encoding="utf-8")))
    )
    assert list(LAZY_PACKAGES) == users


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_lazy_table_is_mirrored_for_import_linter(name: str) -> None:
    """
    Each entry of a lazy package's table is imported under TYPE_CHECKING
    (where import-linter sees it) from the same module, under the same
    name, and the table is handed to the helper as is.
    """
    package = f"goudenoor.{name}"
    tree = ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8"))

    assert ["_lazy.exports(__name__, _EXPORTS)"] == _exports_calls(tree)
    assert _table(tree) == _mirrored(tree, package)


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_lazy_table_resolves(name: str) -> None:
    """
    Every name of a lazy package's table is the object its module defines,
    and the package lists exactly the table.
    """
    package = importlib.import_module(f"goudenoor.{name}")
    tree = ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8"))
    table = _table(tree)

    for public, where in table.items():
        module, _, attribute = where.partition(":")
        home = importlib.import_module(f"goudenoor.{name}.{module}")
        assert getattr(home, attribute or public) is getattr(package, public)
    assert list(table) == package.__all__
    assert sorted(table) == dir(package)
