"""
Every public class and function of the facade, given an argument of a
clearly wrong type, fails at once with a TypeError or a GoudenoorError that
names the parameter (issue 23, item 20).

The calls are made from the signatures and annotations, so a new public
name is covered without touching this file: a class needs one instance
among the objects the seeds below reach, a function only typed samples of
its parameters.
"""

from __future__ import annotations

import collections.abc
import datetime
import functools
import inspect
import os
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
import pytest

import goudenoor as go
from goudenoor import _checks
from goudenoor.audit._consensus import ordinal_alpha


EXAMPLES = Path(__file__).parent.parent / "examples"

NOT_CALLED = {
    # Exceptions are raised by the library, not given arguments by users.
    *(name for name in go.__all__ if name.endswith("Error")),
    # A module and two format markers (strings), not callables.
    "exceptions",
    "ASSESSMENT_FORMAT",
    "TRANSLATION_FORMAT",
    # Protocols: they describe a callable that users write, and have no
    # constructor of their own.
    "ScoringMethod",
    # The one result built on every score: score() and what_if() make it
    # from parts they checked, and checking its fields again cost a third
    # of each score (the scoring benchmark went from 1.8x to 2.5x of its
    # baseline, over its 2x target). Its docstring says so.
    "ScoreCard",
}


class _Wrong:
    """An object of a type that no annotation of the library names."""

    def __repr__(self) -> str:
        return "<wrong>"


def _members(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


def _accepts(hint: Any, value: object) -> bool:  # noqa: C901 - one branch per kind
    """
    Whether *value* is a plausible value of *hint*: written apart from the
    library's checks, and generous (where unsure, the value is not tried).
    """
    for member in _members(hint):
        origin = typing.get_origin(member) or member
        if member in (Any, object) or isinstance(member, typing.TypeVar):
            return True
        if value is None and member in (None, type(None)):
            return True
        if origin is typing.Literal:
            if any(isinstance(value, type(arg)) for arg in typing.get_args(member)):
                return True
            continue
        if value == 1 and member in (int, float):
            return True
        if getattr(origin, "_is_protocol", False) or origin is collections.abc.Callable:
            if callable(value):
                return True
            continue
        if isinstance(origin, type) and isinstance(value, origin):
            # A string is iterable, yet never a collection of items here.
            if isinstance(value, str) and origin is not str:
                continue
            return True
    return False


def _wrong_values(hint: Any) -> list[object]:
    return [value for value in (_Wrong(), None, 1, "x") if not _accepts(hint, value)]


# ---------------------------------------------------------------- samples


def _walk(value: Any, seen: set[int]) -> Iterator[object]:
    if id(value) in seen:
        return
    seen.add(id(value))
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _walk(getattr(value, field.name), seen)
    elif isinstance(value, collections.abc.Mapping):
        for item in value.values():
            yield from _walk(item, seen)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _walk(item, seen)


def _seeds() -> list[object]:
    """Objects of the library, from the shipped data and the examples."""
    std = go.load_standard("gos-2012")
    std16 = go.load_standard("gos-2016")
    audit = go.load_assessment(EXAMPLES / "audit-2012.yaml")
    card = go.score(std, audit)
    history = [
        go.load_assessment(p) for p in sorted((EXAMPLES / "history").glob("*.yaml"))
    ]
    history_cards = [go.score(go.standard_for(a), a) for a in history]
    sites = [go.load_assessment(p) for p in sorted((EXAMPLES / "sites").glob("*.yaml"))]
    team = [go.load_assessment(p) for p in sorted((EXAMPLES / "team").glob("*.yaml"))]
    portfolio = go.load_portfolio(EXAMPLES / "sector")
    extension = go.Extension(
        id="demo",
        title="Demo",
        version="1",
        targets=("gos-2012",),
        add=go.Additions(
            checkpoints=(
                go.AddedCheckpoint(requirement="5.1", id="demo:5.1.x", text="t"),
            )
        ),
        override=go.Overrides(
            areas=(go.AreaOverride(id="5", name="Leren"),),
            requirements=(go.RequirementOverride(id="5.2", text="Tekst."),),
        ),
        remove=go.Removals(
            requirements=(go.RequirementRemoval(id="9.2", reason="Weg."),),
            influences=(go.InfluenceRemoval(source="5", target="9", reason="Weg."),),
        ),
    )
    extended = go.apply_extension(std, extension)
    graph = go.influence_graph(std)
    worked = go.load_assessment(EXAMPLES / "erkenning" / "audit-2024.yaml")
    sample = go.Sample(
        register=go.audit.SampledRegister(sha256="0" * 64, records=100, id_column="nr"),
        seed="x",
        ids=tuple(str(n) for n in range(59)),
        plan=go.SamplePlan(0.95, 0.05),
    )
    return [
        std,
        std16,
        audit,
        go.load_audit(EXAMPLES / "audit-2012.yaml"),
        go.verify_evidence(
            go.load_audit(EXAMPLES / "audit-2012.yaml"), as_of=datetime.date(2026, 1, 1)
        ),
        go.RefusedFile("kapot.yaml", go.GoudenoorError("kapot")),
        card,
        # Results that a card computes when asked.
        list(card.areas.values()),
        card.gaps,
        card.improvements(),
        card.warnings,
        go.compare(history_cards[0], history_cards[1]),
        go.diff_editions(std, std16),
        # The self-assessment questions, with a translation beside them.
        go.questionnaire(std, translation=go.load_translation("gos-2012", "en")),
        go.load_crosswalk("gos-2012", "gos-2016"),
        go.migrate(audit, "gos-2016"),
        go.consensus(team),
        go.calibrate(
            go.load_audit(EXAMPLES / "self-2012.yaml"),
            go.load_audit(EXAMPLES / "audit-2012.yaml"),
        ),
        portfolio,
        portfolio.summary(),
        go.rollup(sites),
        go.percentile_ranks(history_cards[0], history_cards),
        go.trend(history_cards),
        extension,
        extended,
        go.load_translation("gos-2012", "en"),
        go.at_risk(graph, card, threshold=1.0),
        go.InstalledExtension(
            name="zorg", distribution=None, version=None, entry_point="x:y"
        ),
        go.Problem(message="m"),
        go.Ratings({"1.1": go.Rating(value=1)}),
        # The journal of rating changes: a journal, and the entries of a rate.
        go.audit.Journal.start(audit),
        go.rate(
            go.load_audit(EXAMPLES / "audit-2012.yaml"), {"1.3": 3}, by="A", reason="r"
        ),
        # After the score: findings with their follow-up, and the recognition.
        worked,
        go.recognition_status(
            [go.load_audit(EXAMPLES / "erkenning" / "audit-2024.yaml")],
            worked.date,
        ),
        # Sampling records: a sample with its plan, and its evaluation.
        sample,
        go.evaluate_sample(sample, 0),
        # OSCAL results read back.
        go.from_oscal_results(go.to_oscal_results(std, audit), standard=std),
    ]


@pytest.fixture(name="pool", scope="module")
def _pool() -> dict[type, object]:
    found: dict[type, object] = {}
    seen: set[int] = set()
    for seed in _seeds():
        for value in _walk(seed, seen):
            found.setdefault(type(value), value)
    return found


def _any_callable(*_: object, **__: object) -> None:
    pass


def _sample(hint: Any, pool: dict[type, object]) -> object:
    """A value of the type *hint* (not necessarily a meaningful one)."""
    members = [m for m in _members(hint) if m not in (None, type(None))]
    member = members[0] if members else None
    origin = typing.get_origin(member) or member
    simple: dict[Any, object] = {
        None: None,
        str: "x",
        int: 1,
        float: 1.0,
        bool: False,
        bytes: b"x",
        datetime.date: datetime.date(2026, 1, 1),
        os.PathLike: Path("x"),
    }
    if origin in simple:
        return simple[origin]
    if origin is typing.Literal:
        return typing.get_args(member)[0]
    if origin in (dict, collections.abc.Mapping):
        return {}
    if origin in (tuple, list, collections.abc.Sequence, collections.abc.Iterable):
        return ()
    if origin is collections.abc.Callable or getattr(origin, "_is_protocol", False):
        return _any_callable
    if origin is nx.DiGraph:
        return nx.DiGraph()
    for kind, value in pool.items():
        if isinstance(origin, type) and issubclass(kind, origin):
            return value
    message = f"no sample of {hint!r}: add a seed that reaches one"
    raise AssertionError(message)


# ---------------------------------------------------------------- the calls


def _public() -> list[tuple[str, Any]]:
    named = []
    for name in sorted(go.__all__):
        if name in NOT_CALLED:
            continue
        value = getattr(go, name)
        if inspect.isclass(value) or callable(value):
            named.append((name, value))
    return named


def _hints(target: Any) -> dict[str, Any]:
    # And the classes the modules import for type checking only, as the
    # checks find them (goudenoor._checks._LATE_CLASSES).
    localns = {
        "nx": _NetworkX(),
        "Extension": go.Extension,
    }
    if attrs.has(target):
        return typing.get_type_hints(target, localns=localns)
    return typing.get_type_hints(
        getattr(target, "__wrapped__", target), localns=localns
    )


class _NetworkX:
    """networkx as the annotations use it (`nx.DiGraph[str]`)."""

    class _Graph:
        def __getitem__(self, _: object) -> type:
            return nx.DiGraph

    DiGraph = _Graph()


def _assert_refused(call: Callable[[], object], parameter: str, what: str) -> None:
    with pytest.raises((TypeError, go.GoudenoorError)) as info:
        call()

    assert parameter in str(info.value), f"{what}: {info.value}"


def _class_cases(
    name: str, cls: type, pool: dict[type, object]
) -> Iterator[tuple[str, Callable[[], object]]]:
    sample = pool.get(cls)
    assert sample is not None, f"no {name} among the seeds: add one that reaches it"
    if not attrs.has(cls):
        # Ratings, a mapping: one argument.
        yield "data", lambda: cls(_Wrong())
        return
    hints = _hints(cls)
    given = {
        field.alias: getattr(sample, field.name)
        for field in attrs.fields(cls)
        if field.init
    }
    cls(**given)  # the sample itself is accepted
    for field in attrs.fields(cls):
        if not field.init:
            continue
        for wrong in _wrong_values(hints[field.name]):
            arguments = {**given, field.alias: wrong}
            yield field.alias, functools.partial(cls, **arguments)


def _function_cases(
    function: Callable[..., object], pool: dict[type, object]
) -> Iterator[tuple[str, Callable[[], object]]]:
    signature = inspect.signature(function)
    hints = _hints(function)
    required: dict[str, object] = {}
    for parameter in signature.parameters.values():
        if parameter.default is parameter.empty and parameter.kind in (
            parameter.POSITIONAL_ONLY,
            parameter.POSITIONAL_OR_KEYWORD,
        ):
            required[parameter.name] = _sample(hints[parameter.name], pool)
    for parameter in signature.parameters.values():
        if parameter.kind in (parameter.VAR_KEYWORD, parameter.VAR_POSITIONAL):
            continue
        for wrong in _wrong_values(hints[parameter.name]):
            arguments = {**required, parameter.name: wrong}
            positional = [
                arguments.pop(p.name)
                for p in signature.parameters.values()
                if p.kind is p.POSITIONAL_ONLY
            ]
            yield parameter.name, functools.partial(function, *positional, **arguments)


@pytest.mark.parametrize(("name", "value"), _public(), ids=[n for n, _ in _public()])
def test_a_wrong_type_is_refused_naming_the_parameter(
    name: str, value: Any, pool: dict[type, object]
) -> None:
    """
    Each parameter in turn replaced by an object of a clearly wrong type:
    a TypeError or GoudenoorError that names the parameter, never an
    AttributeError from inside, never acceptance.
    """
    cases = (
        _class_cases(name, value, pool)
        if inspect.isclass(value)
        else _function_cases(value, pool)
    )
    for parameter, call in cases:
        _assert_refused(call, parameter, f"{name}({parameter}=...)")


def test_the_wrong_values_are_wrong_for_every_hint() -> None:
    """The test's own notion of a wrong value, on a few hints."""
    assert ["<wrong>", None, 1] == [
        repr(v) if isinstance(v, _Wrong) else v for v in _wrong_values(str)
    ]
    assert ["<wrong>", "x"] == [
        repr(v) if isinstance(v, _Wrong) else v for v in _wrong_values(float | None)
    ]
    assert ["<wrong>", None, 1, "x"] == [
        repr(v) if isinstance(v, _Wrong) else v for v in _wrong_values(tuple[str, ...])
    ]
    assert [] == _wrong_values(object)


def test_every_function_of_the_facade_is_checked() -> None:
    """Public functions carry the entry check (checked), so new ones do too."""
    unchecked = [
        name
        for name, value in _public()
        if inspect.isfunction(value)
        and inspect.signature(value).parameters
        and not hasattr(value, "__wrapped__")
    ]

    assert [] == unchecked


class TestTheReportedCalls:
    """The calls of the issue, with their exact messages."""

    def test_a_number_for_a_rating_is_the_short_form(self) -> None:
        audit = go.Assessment(
            edition="gos-2012",
            organisation="X",
            date=datetime.date(2026, 1, 1),
            ratings={"1.1": 3, "1.2": None},
        )

        assert {"1.1": go.Rating(value=3), "1.2": go.Rating()} == dict(audit.ratings)
        assert go.Rating(value=2) == audit.with_ratings({"1.3": 2}).ratings["1.3"]
        assert 1.5 == go.score(go.load_standard("gos-2012"), audit).total
        assert "'1.1': 3\n" in go.dump_assessment(audit)

    def test_a_wrong_rating_names_its_key(self) -> None:
        with pytest.raises(TypeError) as info:
            go.Assessment(
                edition="gos-2012",
                organisation="X",
                date=datetime.date(2026, 1, 1),
                ratings={"1.1": "3"},  # type: ignore[dict-item]
            )

        assert "Assessment: \"ratings['1.1']\" must be Rating, got str '3'" == str(
            info.value
        )

    def test_a_boolean_is_not_a_rating(self) -> None:
        with pytest.raises(TypeError) as info:
            go.Assessment(
                edition="gos-2012",
                organisation="X",
                date=datetime.date(2026, 1, 1),
                ratings={"1.1": True},
            )

        assert "Assessment: \"ratings['1.1']\" must be Rating, got bool True" == str(
            info.value
        )

    def test_score_with_its_arguments_swapped(self) -> None:
        std = go.load_standard("gos-2012")
        audit = go.load_assessment(EXAMPLES / "audit-2012.yaml")

        with pytest.raises(TypeError) as info:
            go.score(audit, std)  # type: ignore[arg-type]

        assert str(info.value).startswith(
            "score(): 'standard' must be Standard or Audit, got Assessment Assessment("
        )

    def test_a_crosswalk_without_mappings(self) -> None:
        with pytest.raises(TypeError) as info:
            go.Crosswalk(source="a", target="b", notes="", mappings=1)  # type: ignore[arg-type]

        assert (
            "Crosswalk: 'mappings' must be a tuple of CrosswalkMapping, got int 1"
            == str(info.value)
        )

    def test_a_portfolio_of_strings(self) -> None:
        with pytest.raises(TypeError) as info:
            go.Portfolio(assessments="x", standards="x")  # type: ignore[arg-type]

        assert (
            "Portfolio: 'assessments' must be a tuple of Assessment, got str 'x'"
            == str(info.value)
        )

    def test_ordinal_alpha_of_a_string(self) -> None:
        with pytest.raises(TypeError) as info:
            ordinal_alpha("x", [1.0])  # type: ignore[arg-type]

        assert (
            "ordinal_alpha(): 'data' must be a sequence of a sequence of a number "
            "or None, got str 'x'"
        ) == str(info.value)


def _every_hint() -> list[Any]:
    found: dict[str, Any] = {}
    for _, value in _public():
        for hint in _hints(value).values():
            found.setdefault(repr(hint), hint)
    return list(found.values())


def test_the_fast_test_never_passes_what_the_full_walk_refuses(
    pool: dict[type, object],
) -> None:
    """
    The compiled test of a parameter (`_accepts`, run on every object
    built) lets a value through only where the full walk of the annotation
    (`_mismatch`, which words the error) finds it fits: over every
    annotation of the public names and values of many types.
    """
    values: list[object] = [
        None,
        True,
        0,
        1.5,
        "x",
        b"x",
        (),
        ("x",),
        (1,),
        ["x"],
        {"x": 1},
        {"x": "y"},
        {1: "x"},
        frozenset({"x"}),
        datetime.date(2026, 1, 1),
        Path("x"),
        len,
        *pool.values(),
        tuple(pool.values()),
        {str(index): value for index, value in enumerate(pool.values())},
    ]
    hints = _every_hint()
    assert len(hints) > 50
    wrong = [
        (hint, value)
        for hint in hints
        for value in values
        if _checks._accepts(hint)(value)
        and _checks._mismatch(value, hint, "x") is not None
    ]

    assert [] == wrong


def test_the_fast_test_decides_the_usual_annotations() -> None:
    """
    The usual annotations are decided by the compiled test alone, not
    handed to the full walk (the cost of every object built).
    """
    fits = [
        (str, "x"),
        (float, 1),
        (int | None, None),
        (tuple[str, ...], ("x",)),
        (collections.abc.Mapping[str, float], {"x": 1.0}),
        (typing.Literal["a", "b"], "a"),
        (go.Rating | None, go.Rating(value=1)),
    ]

    assert [] == [hint for hint, value in fits if not _checks._accepts(hint)(value)]
