"""
Problems found in an input, and the helpers every layer uses to collect
and word them.

The bottom layer of the package (docs/architecture.md): standard library
and attrs only, imported by everything, importing nothing of goudenoor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from goudenoor._checks import typed_fields


__all__ = [
    "EXCERPT",
    "Problem",
    "Problems",
    "close_matches",
    "did_you_mean",
    "excerpt",
    "format_path",
]


def __dir__() -> list[str]:
    return __all__


PathElement = str | int
"""One step of a path into a document: a mapping key or a list index."""

EXCERPT = 60
"""The most characters of a found text a message quotes."""


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """
    Quote a found text for a message: as Python's ``repr`` writes it
    (control characters escaped), cut to at most *limit* characters with
    ``...`` in place of what is left out.

    >>> excerpt("Gemeente Voorbeeld")
    "'Gemeente Voorbeeld'"
    >>> excerpt("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'..."
    """
    shown = repr(text[:limit])
    if len(text) <= limit and len(shown) <= limit:
        return shown
    cut = min(len(text), limit)
    while cut > 0:
        shown = repr(text[:cut])
        if len(shown) <= limit - 3:
            break
        cut = min(cut - 1, cut * (limit - 3) // len(shown))
    shown = repr(text[:cut])
    return shown + "..."


def format_path(path: Sequence[PathElement]) -> str:
    """
    Render a path into a document the way error messages show it.

    Keys that are plain identifiers are joined with dots, other keys are
    double-quoted and list indices are written in brackets.

    >>> format_path(("areas", 0, "requirements", 2, "id"))
    'areas[0].requirements[2].id'
    >>> format_path(("ratings", "5.3", "value"))
    'ratings."5.3".value'
    """
    out: list[str] = []
    for element in path:
        if isinstance(element, int):
            out.append(f"[{element}]")
            continue
        if element.isidentifier() and len(element) <= EXCERPT:
            text = element
        elif element.isprintable() and len(element) <= EXCERPT:
            text = f'"{element}"'
        else:
            text = excerpt(element)
        out.append(f".{text}" if out else text)
    return "".join(out)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Problem:
    """
    One thing wrong with an input, with where it is.

    Attributes:
        message: What is wrong, with the expected and the found value.
        path: Keys and indices from the top of the document to the item.
        line: 1-based line in the source file, if known.
        column: 1-based column in the source file, if known.
        source: The file, where it differs from the error's own source.
    """

    message: str
    path: tuple[PathElement, ...] = ()
    line: int | None = None
    column: int | None = None
    source: str | None = None

    def located(self, line: int | None, column: int | None) -> Problem:
        """
        Return a copy of this problem with a file position.
        """
        return Problem(
            message=self.message,
            path=self.path,
            line=line,
            column=column,
            source=self.source,
        )

    def prefixed(self, prefix: Sequence[PathElement]) -> Problem:
        """
        Return a copy of this problem with *prefix* in front of its path.
        """
        return attrs.evolve(self, path=(*prefix, *self.path))

    def render(self, source: str | None = None) -> str:
        """
        Format as ``source:line:column path: message``.

        Parts that are unknown are left out.
        """
        where = self.source or source or ""
        if self.line is not None:
            where += f":{self.line}" if where else f"line {self.line}"
            if self.column is not None:
                where += f":{self.column}"
        path = format_path(self.path)
        head = " ".join(part for part in (where, path) if part)
        return f"{head}: {self.message}" if head else self.message


Locator = Callable[[list[Problem]], list[Problem]]
"""
Gives problems found in a document their file, line and column: set by
the file layer on what it loads, so the domain can report where without
reading a file.
"""


class Problems:
    """
    Collects problems with their paths, in the order found; never raises.
    """

    __slots__ = ("_found",)

    def __init__(self, found: Iterable[Problem] = ()) -> None:
        self._found: list[Problem] = list(found)

    def add(self, message: str, *path: PathElement) -> None:
        """
        Record *message* about the item at *path*.
        """
        self._found.append(Problem(message=message, path=path))

    def extend(self, problems: Iterable[Problem]) -> None:
        """
        Record problems found elsewhere.
        """
        self._found.extend(problems)

    def prefixed(self, prefix: Sequence[PathElement]) -> list[Problem]:
        """
        The problems with *prefix* in front of each path.
        """
        return [problem.prefixed(prefix) for problem in self._found]

    def list(self) -> list[Problem]:
        """
        The problems recorded so far (a copy).
        """
        return list(self._found)

    def __bool__(self) -> bool:
        return bool(self._found)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)


def close_matches(key: str, choices: Iterable[str]) -> list[str]:
    """
    Up to three of *choices* close to *key*, best first: the suggestions of
    every "did you mean".

    >>> close_matches("Klantbeleid", ["Klantenbeleid", "Middelen"])
    ['Klantenbeleid']
    """
    import difflib  # only when something is not found

    return difflib.get_close_matches(key, list(choices), n=3, cutoff=0.6)


def did_you_mean(matches: Sequence[str]) -> str:
    """
    The ``; did you mean ...?`` tail of a message, or ``""`` without
    matches.

    >>> did_you_mean(["1.1", "1.2"])
    "; did you mean '1.1', '1.2'?"
    """
    if not matches:
        return ""
    return "; did you mean " + ", ".join(repr(m) for m in matches) + "?"
