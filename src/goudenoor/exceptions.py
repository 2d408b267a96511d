"""
Exceptions raised by goudenoor.

Every error a user can cause is a :class:`GoudenoorError`.
Each message says what was found, what was expected and where.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from goudenoor.problems import Problem, did_you_mean, excerpt


__all__ = [
    "BenchmarkError",
    "CalibrationError",
    "ConsensusError",
    "RollupError",
    "SamplingError",
    "EmptyPathError",
    "ExtensionError",
    "FileFormatError",
    "GoudenoorError",
    "JournalError",
    "MissingExtraError",
    "ModelError",
    "OutputError",
    "OutputExistsError",
    "RecognitionError",
    "ScoringError",
    "UnknownAreaError",
    "UnknownEditionError",
    "UnknownItemError",
    "UnknownRequirementError",
    "ValidationError",
]


def __dir__() -> list[str]:
    return __all__


class GoudenoorError(Exception):
    """
    Base class of every error goudenoor raises on bad input or bad use.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its args and state without calling __init__ (a
        # subclass's may take other arguments), so that every error pickles
        # and unpickles: a worker process sends errors back.
        return (_rebuild, (type(self), self.args), self.__dict__)


def _rebuild(cls: type[GoudenoorError], args: tuple[Any, ...]) -> GoudenoorError:
    error = cls.__new__(cls, *args)
    error.args = args
    return error


class ModelError(GoudenoorError, ValueError):
    """
    A model object was built with values that break an invariant.

    Attributes:
        problems: Each broken invariant, with the path to the offending
            value relative to the object being built.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(problem.render() for problem in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its problems (a process pool sends errors back).
        return (type(self), (self.problems,), self.__dict__)


MAX_SHOWN = 100
"""The most problems the message of a :class:`ValidationError` lists; its
``problems`` attribute holds all of them."""


class ValidationError(GoudenoorError, ValueError):
    """
    The content of a file (or mapping) does not match what was expected.

    All problems found are reported together.

    Attributes:
        problems: Every problem, each with its path and file position.
        source: The file or document name the problems were found in.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__(self._message())

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems, self.source), self.__dict__)

    def _message(self) -> str:
        shown = self.problems[:MAX_SHOWN]
        lines = [problem.render(self.source) for problem in shown]
        if len(self.problems) == 1:
            return lines[0]
        where = f" in {self.source}" if self.source else ""
        body = "\n".join(f"  {line}" for line in lines)
        more = len(self.problems) - len(shown)
        if more:
            body += (
                f"\n  ... and {more:,} more (the error's problems attribute "
                "holds every one)"
            )
        return f"{len(self.problems):,} problems{where}:\n{body}"


class ScoringError(GoudenoorError, ValueError):
    """
    An assessment cannot be scored with the options given (unknown method
    or parameter, a scoring method that returned a value out of range).
    """


class OutputError(GoudenoorError, ValueError):
    """
    A result cannot be written in the format asked: a number JSON has no
    way to say (NaN or an infinity), named by its path in the data.
    """


class ExtensionError(ValidationError):
    """
    A sector extension cannot be applied: every problem is listed, each
    with its path in the extension file.
    """


class OutputExistsError(GoudenoorError):
    """
    A file to write exists, and replacing it was not asked for
    (``overwrite=True`` in Python, ``--force`` on the command line).

    Attributes:
        path: The file that exists.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"{path}: file exists; not overwritten (pass overwrite=True to replace it)"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path,), self.__dict__)


class MissingExtraError(GoudenoorError, ImportError):
    """
    A feature needs an optional extra that is not installed.

    Attributes:
        feature: What was asked for.
        extra: The extra to install.
        module: The missing module.
    """

    def __init__(self, feature: str, extra: str, module: str) -> None:
        self.feature = feature
        self.extra = extra
        self.module = module
        super().__init__(
            f"{feature} needs the '{extra}' extra: pip install 'goudenoor[{extra}]' "
            f"({module} is not installed)"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.feature, self.extra, self.module), self.__dict__)


class FileFormatError(GoudenoorError, ValueError):
    """
    A file could not be read: YAML syntax, encoding or size, duplicate
    keys, refused structures; an XLSX workbook that is not one; a folder,
    pipe or other non-regular file; an installed extension whose entry
    point fails or gives the wrong thing.

    Attributes:
        source: The file name.
        line: 1-based line, if known.
        column: 1-based column, if known.
        reason: What is wrong, without the position.
    """

    def __init__(
        self,
        reason: str,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        self.column = column
        problem = Problem(message=reason, line=line, column=column)
        super().__init__(problem.render(source))

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            type(self),
            (self.reason, self.source, self.line, self.column),
            self.__dict__,
        )


class EmptyPathError(GoudenoorError, ValueError):
    """
    A path is the empty string. It names no file: the system would read it
    as the current folder, which nobody means by leaving a path out.
    """

    def __init__(self) -> None:
        super().__init__(
            "an empty path names no file (expected the path of a file or "
            "folder; '.' is the current folder)"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (), self.__dict__)


class UnknownItemError(GoudenoorError, KeyError):
    """
    A lookup by id or name found nothing.

    Attributes:
        key: What was looked up.
        suggestions: Close matches that do exist, best first.
        choices: Every valid key, where they are few enough to list; the
            message lists them unless the suggestions are all of them.
    """

    kind = "item"

    def __init__(
        self,
        key: str,
        suggestions: Sequence[str] = (),
        where: str = "",
        *,
        kind: str | None = None,
        choices: Sequence[str] = (),
    ) -> None:
        if kind is not None:
            self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        self.where = where
        self.choices = tuple(choices)
        super().__init__(key)

    def __reduce__(self) -> tuple[Any, ...]:
        # The keyword-only arguments come back with the instance's state.
        return (type(self), (self.key, self.suggestions, self.where), self.__dict__)

    def __str__(self) -> str:
        where = f" in {self.where}" if self.where else ""
        message = f"unknown {self.kind} {excerpt(str(self.key))}{where}"
        if self.choices and set(self.choices) != set(self.suggestions):
            message += f" (expected one of {list(self.choices)})"
        return message + did_you_mean(self.suggestions)


class UnknownEditionError(UnknownItemError):
    """
    No edition of the standard has this id.
    """

    kind = "edition"


class UnknownAreaError(UnknownItemError):
    """
    No area has this id, number, name or alias.
    """

    kind = "area"


class UnknownRequirementError(UnknownItemError):
    """
    No requirement has this id.
    """

    kind = "requirement"


class BenchmarkError(GoudenoorError, ValueError):
    """
    No peers scored against the card's standard; in a trend: too few
    cards, cards of more than one organisation (or unit), two on one date,
    or cards scored against standards whose points are not comparable.
    """


class RollupError(GoudenoorError, ValueError):
    """
    The score cards cannot be rolled up: none, a unit missing or given
    twice, a header that differs, a bad weight or an unknown rule.
    """


class RecognitionError(GoudenoorError, ValueError):
    """
    A recognition status cannot be given (no audits, audits of several
    organisations or units), or findings cannot be carried forward (other
    organisations or editions, the wrong order, an id taken).
    """


class CalibrationError(GoudenoorError, ValueError):
    """
    A self-assessment cannot be calibrated against the audit: it is not of
    kind self (or the audit is), or the two differ in edition, extensions
    or scale.
    """


class ConsensusError(GoudenoorError, ValueError):
    """
    The assessments cannot be combined (fewer than two, a header that
    differs, a bad option, or a rule that returned a value off the scale).
    """


class JournalError(GoudenoorError, ValueError):
    """
    Ratings cannot be changed as asked (an unknown requirement, a value
    off the scale, no reason), or a journal of rating changes is not
    whole, so nothing is added to it.
    """


class SamplingError(GoudenoorError, ValueError):
    """
    A sample cannot be planned, drawn or evaluated as asked: a rate outside
    (0, 1), an expected number of deviations no sample can show, a sample
    larger than its population, deviations out of range, an empty or
    repeated record id.
    """
