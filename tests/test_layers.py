"""
What import-linter cannot see: imports by a string. The layers contracts in
pyproject.toml (run by `lint-imports`) only hold if every import of a
goudenoor module is an import statement.
"""

from __future__ import annotations

import ast
from pathlib import Path

import goudenoor as go


PACKAGE = Path(go.__file__).parent

PROBES = {
    "report/_html.py": {"jinja2", "matplotlib"},
    # The old module paths, each the name of a public package of its own
    # (test_old_module_paths_name_public_packages).
    "_moved.py": {"importlib.import_module(MOVED_MODULES[module.__name__])"},
}
"""Files that may import by name, and the only modules they may name."""


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
    imports goudenoor modules by name; a probe for an extra names only
    its extras.
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
