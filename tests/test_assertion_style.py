"""
One assertion style in every test: ``assert expected == actual``, the
expected value first, as attrs writes it (issue 24, item 8).

Ruff's SIM300 cannot say this (it asks for the other order), so this test
reads every test file: an assertion that compares a computed value with a
literal must put the literal first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest


TESTS = Path(__file__).parent


def _literal(node: ast.expr) -> bool:
    """Whether *node* is written out in full: a value, not a computation."""
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_literal(element) for element in node.elts)
    if isinstance(node, ast.Dict):
        return all(
            key is not None and _literal(key) and _literal(value)
            for key, value in zip(node.keys, node.values, strict=True)
        )
    if isinstance(node, ast.UnaryOp):
        return _literal(node.operand)
    return False


def _reversed(source: str) -> list[int]:
    """The lines of *source* whose assertion puts the literal last."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (
            isinstance(node, ast.Assert)
            and isinstance(node.test, ast.Compare)
            and len(node.test.ops) == 1
            and isinstance(node.test.ops[0], (ast.Eq, ast.NotEq))
        ):
            continue
        left, right = node.test.left, node.test.comparators[0]
        if _literal(right) and not _literal(left):
            lines.append(node.lineno)
    return lines


def test_expected_first_in_every_test() -> None:
    found = {
        path.relative_to(TESTS).as_posix(): lines
        for path in sorted(TESTS.rglob("*.py"))
        if (lines := _reversed(path.read_text(encoding="utf-8")))
    }

    assert {} == found


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("assert 'a' == f()\n", []),
        ("assert f() == 'a'\n", [1]),
        ("assert [1, -2] == f()\nassert f() != (1, 2)\n", [2]),
        ("assert a == b\nassert {'a': 1} == f()\n", []),
    ],
)
def test_the_check_sees_the_order(source: str, lines: list[int]) -> None:
    assert lines == _reversed(source)
