"""
Sampling records (ISO 19011, Annex A.6): how many to read, which ones, and
what the result shows about all of them.

**The question.** An auditor reads a selection of records (complaint
files, escalations, compensation decisions) and counts the *deviations*:
records not handled as the norm asks. The plan (:class:`SamplePlan`) says
what the sample must be able to show: with *confidence* (say 95 %) the
deviation rate of the whole population is below the *tolerable* rate (say
5 %), if at most *expected* deviations are found.

**The size** (:func:`sample_size`) is the smallest *n* for which finding
at most *expected* deviations has a probability of at most
``1 - confidence`` when the true deviation rate is exactly the tolerable
rate. Without a population size that probability is binomial (each record
read is a deviation with probability *tolerable*, independently); with a
population of *N* records it is hypergeometric, with
``ceil(tolerable * N)`` deviating records among the *N* (a draw without
replacement, which needs fewer records for a small population). The sums
are exact (integers and fractions, no rounding); the rates are taken as
the decimals they are written as, so ``0.05`` is exactly 1/20 and not the
binary float nearest to it. This gives the standard attribute-sampling
tables: 95 % / 5 % needs 59 records with no deviation expected, 93 with
one; 90 % / 10 % needs 22 and 38; a population of 200 at 95 % / 5 %
needs 51.

**The draw** (:func:`draw`, method ``sha256-rank/1``): each record's key
is the SHA-256 of the seed followed by the record's id (UTF-8), written
as 64 lowercase hexadecimal digits; the records with the *n* smallest keys
are drawn. Anyone can redo it by hand, with any tool that computes
SHA-256, and the seed, chosen after the register is fixed, keeps the
selection from being known in advance. With strata (say, per department)
each stratum gets a share proportional to its size (largest remainder,
ties to the stratum whose name sorts first), and within a stratum its
records with the smallest keys are drawn.

**The evaluation** (:func:`evaluate_sample`): after reading the records,
the upper limit of the deviation rate at the plan's confidence. Without a
population this is the one-sided Clopper-Pearson bound; with one, the
exact hypergeometric bound (the largest number of deviating records that
would still give the result found with a probability above
``1 - confidence``, as a rate). The sample shows the norm is met
(:attr:`SampleEvaluation.within`) when finding at most the deviations
found has a probability of at most ``1 - confidence`` at the tolerable
rate: the same test as the size, so a sample of the plan's size with the
expected deviations or fewer is within.

**The assumptions.** The population is defined before the draw (which
records, from which period), and the register holds each of its records
once. Each record is a deviation or not, judged by the same norm. The
confidence is about the method, not about one result: in at most 5 % of
the audits that use a 95 % plan on a population whose deviation rate is at
or above the tolerable rate, the sample wrongly shows it below. Nothing
is said about the kind of deviations found: each is still a finding to
follow up.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Literal

import attrs

from goudenoor._checks import checked, checked_except, typed_fields
from goudenoor.exceptions import SamplingError
from goudenoor.problems import excerpt


__all__ = [
    "SAMPLE_METHOD",
    "Draw",
    "Sample",
    "SampleEvaluation",
    "SamplePlan",
    "SampledRegister",
    "Stratum",
    "draw",
    "evaluate_sample",
    "sample_size",
    "upper_limit",
]


def __dir__() -> list[str]:
    return __all__


SAMPLE_METHOD = "sha256-rank/1"
"""The name of the draw method, recorded with each sample: records ranked
by the SHA-256 of the seed followed by their id, the smallest first."""

_TOLERANCE = 1e-12
"""How close the Clopper-Pearson bound is brought (in rate) by bisection."""


# ---------------------------------------------------------------- checks


def _exact(value: float) -> Fraction:
    # The decimal the user wrote: repr(0.05) is '0.05', so 1/20 exactly
    # (an int's repr is its digits).
    return Fraction(repr(value))


def _check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        msg = (
            "the confidence must be above 0 and below 1 (for example 0.95), "
            f"got {confidence!r}"
        )
        raise SamplingError(msg)


def _check_tolerable(tolerable: float) -> None:
    if not 0 < tolerable < 1:
        msg = (
            "the tolerable deviation rate must be above 0 and below 1 "
            f"(for example 0.05), got {tolerable!r}"
        )
        raise SamplingError(msg)


def _check_population(population: int | None) -> None:
    if population is not None and population < 1:
        msg = f"the population must be 1 record or more, got {population}"
        raise SamplingError(msg)


def _check_size(size: int, population: int | None) -> None:
    if size < 1:
        msg = f"the sample size must be 1 or more, got {size}"
        raise SamplingError(msg)
    if population is not None and size > population:
        msg = (
            f"a sample of {size} is larger than the population of {population} records"
        )
        raise SamplingError(msg)


def _deviating(tolerable: float, population: int) -> int:
    """The deviating records of a population at the tolerable rate."""
    return math.ceil(_exact(tolerable) * population)


def _check_plan(
    confidence: float, tolerable: float, expected: int, population: int | None
) -> None:
    _check_confidence(confidence)
    _check_tolerable(tolerable)
    _check_population(population)
    if expected < 0:
        msg = f"the expected number of deviations must be 0 or more, got {expected}"
        raise SamplingError(msg)
    if population is not None:
        deviating = _deviating(tolerable, population)
        if expected >= deviating:
            msg = (
                f"the expected number of deviations must be below {deviating}, "
                f"the deviating records of a tolerable rate of {tolerable!r} in "
                f"a population of {population} (no sample size can show a "
                f"rate below it), got {expected}"
            )
            raise SamplingError(msg)


# ---------------------------------------------------------------- exact sums


def _binomial_cdf(size: int, deviations: int, rate: Fraction) -> Fraction:
    """P(X <= deviations) for X binomial with *size* trials at *rate*."""
    if deviations >= size:
        return Fraction(1)
    # In integers over one common denominator: one gcd, not one per term.
    hit, whole = rate.numerator, rate.denominator
    miss = whole - hit
    total = sum(
        math.comb(size, i) * hit**i * miss ** (size - i) for i in range(deviations + 1)
    )
    return Fraction(total, whole**size)


def _hypergeometric_cdf(
    size: int, deviations: int, population: int, deviating: int
) -> Fraction:
    """
    P(X <= deviations) for X the deviating records in a draw of *size*
    without replacement from *population* records of which *deviating*
    deviate.
    """
    total = sum(
        math.comb(deviating, i) * math.comb(population - deviating, size - i)
        for i in range(min(deviations, size) + 1)
    )
    return Fraction(total, math.comb(population, size))


def _shows(
    size: int,
    deviations: int,
    confidence: float,
    tolerable: float,
    population: int | None,
) -> bool:
    """
    Whether finding at most *deviations* in *size* records is unlikely
    enough (at most ``1 - confidence``) when the rate is *tolerable*.
    """
    risk = 1 - _exact(confidence)
    if population is None:
        return _binomial_cdf(size, deviations, _exact(tolerable)) <= risk
    deviating = _deviating(tolerable, population)
    return _hypergeometric_cdf(size, deviations, population, deviating) <= risk


# ---------------------------------------------------------------- the plan


@checked
def sample_size(
    confidence: float,
    tolerable: float,
    expected: int = 0,
    population: int | None = None,
) -> int:
    """
    The number of records to read: the smallest *n* for which finding at
    most *expected* deviations has a probability of at most
    ``1 - confidence`` when the deviation rate is *tolerable*.

    Binomial without a *population*; hypergeometric with
    ``ceil(tolerable * population)`` deviating records when it is given.
    The probabilities are exact, with the rates taken as the decimals they
    are written as.

    >>> sample_size(0.95, 0.05), sample_size(0.95, 0.05, expected=1)
    (59, 93)
    >>> sample_size(0.95, 0.05, population=200)
    51

    Args:
        confidence: How sure the conclusion is to be, above 0 and below 1
            (0.95 for 95 %).
        tolerable: The highest deviation rate that still meets the norm,
            above 0 and below 1.
        expected: The deviations the sample may hold and still show the
            rate is below *tolerable*.
        population: The number of records in the population, if known.

    Raises:
        SamplingError: A rate outside (0, 1), a negative *expected* or a
            population below 1, or (with a population) an *expected* at
            or above the deviating records of the tolerable rate.
    """
    _check_plan(confidence, tolerable, expected, population)
    if population is not None:
        return _first(
            lambda n: _shows(n, expected, confidence, tolerable, population),
            expected + 1,
            population,
        )
    # The exact sums grow with n (a rate of 1/10,000 needs some 30,000
    # records, and numbers of 120,000 digits): the search runs on floats,
    # and the exact test then settles the last step either way.
    log_risk = math.log1p(-confidence)
    size = _first(
        lambda n: _log_cdf_at(n, expected, tolerable) <= log_risk, expected + 1, None
    )
    while not _shows(size, expected, confidence, tolerable, None):
        size += 1
    while size > expected + 1 and _shows(
        size - 1, expected, confidence, tolerable, None
    ):
        size -= 1
    return size


def _first(test: Callable[[int], bool], start: int, limit: int | None) -> int:
    """
    The smallest n from *start* on that passes *test*, which passes from
    some n on (at *limit* at the latest): doubling until it passes, then
    halving the gap.
    """
    low, high = start - 1, start
    while not test(high):
        low, high = high, high * 2
        if limit is not None and high >= limit:
            high = limit
            break
    while high - low > 1:
        middle = (low + high) // 2
        if test(middle):
            high = middle
        else:
            low = middle
    return high


def _log_cdf_at(size: int, deviations: int, rate: float) -> float:
    """log P(X <= deviations) for X binomial, in floats."""
    whole = math.lgamma(size + 1)
    log_choose = [
        whole - math.lgamma(i + 1) - math.lgamma(size - i + 1)
        for i in range(min(deviations, size) + 1)
    ]
    return _log_sum(log_choose, size, rate)


@attrs.frozen(field_transformer=typed_fields)
class SamplePlan:
    """
    What a sample must be able to show: with *confidence*, that the
    deviation rate of the population is below *tolerable*, if at most
    *expected* deviations are found.

    Attributes:
        confidence: Above 0 and below 1 (0.95 for 95 %).
        tolerable: The highest deviation rate that meets the norm, above 0
            and below 1.
        expected: The deviations the sample may hold and still show it.
        population: The number of records in the population, if the draw
            is without replacement from a known register (a smaller
            sample then suffices).

    Raises:
        SamplingError: As :func:`sample_size`.
    """

    confidence: float
    tolerable: float
    expected: int = 0
    population: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_plan(self.confidence, self.tolerable, self.expected, self.population)

    @property
    def size(self) -> int:
        """The number of records to read (:func:`sample_size`)."""
        return sample_size(
            self.confidence, self.tolerable, self.expected, self.population
        )


# ---------------------------------------------------------------- the bounds


def _log_sum(log_choose: list[float], size: int, rate: float) -> float:
    """
    log P(X <= k) for X binomial with *size* trials at *rate*, where
    *log_choose* holds log C(size, i) for i up to k: summed in log space,
    the largest term factored out, so that no term underflows alone.
    """
    hit, miss = math.log(rate), math.log1p(-rate)
    terms = [log_c + i * hit + (size - i) * miss for i, log_c in enumerate(log_choose)]
    top = max(terms)
    return top + math.log(math.fsum(math.exp(term - top) for term in terms))


def _clopper_pearson(size: int, deviations: int, confidence: float) -> float:
    if deviations == size:
        return 1.0
    whole = math.lgamma(size + 1)
    log_choose = [
        whole - math.lgamma(i + 1) - math.lgamma(size - i + 1)
        for i in range(deviations + 1)
    ]
    log_risk = math.log1p(-confidence)
    # The probability of at most `deviations` falls from 1 (rate 0) to 0
    # (rate 1): the bound is where it crosses 1 - confidence.
    low, high = 0.0, 1.0
    while high - low > _TOLERANCE:
        middle = (low + high) / 2
        if _log_sum(log_choose, size, middle) > log_risk:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _hypergeometric_bound(
    size: int, deviations: int, confidence: float, population: int
) -> float:
    risk = 1 - _exact(confidence)
    # The largest number of deviating records M with P(X <= deviations)
    # above the risk; the probability falls as M grows, and M = 0 gives 1.
    low, high = 0, population + 1
    while high - low > 1:
        middle = (low + high) // 2
        if _hypergeometric_cdf(size, deviations, population, middle) > risk:
            low = middle
        else:
            high = middle
    return low / population


def _check_result(size: int, deviations: int, population: int | None) -> None:
    _check_population(population)
    _check_size(size, population)
    if not 0 <= deviations <= size:
        msg = (
            f"the deviations must be between 0 and the sample size {size}, "
            f"got {deviations}"
        )
        raise SamplingError(msg)


@checked
def upper_limit(
    size: int, deviations: int, confidence: float, population: int | None = None
) -> float:
    """
    The upper limit of the deviation rate, at *confidence*, of a
    population in which a sample of *size* records held *deviations*.

    Without a *population*: the one-sided Clopper-Pearson bound, the rate
    at which finding at most *deviations* has probability
    ``1 - confidence`` (1.0 when every record deviates), to within 1e-12.
    With one: the exact hypergeometric bound, the largest number of
    deviating records for which finding at most *deviations* has a
    probability above ``1 - confidence``, divided by the population.

    >>> round(upper_limit(59, 0, 0.95), 4)
    0.0495
    >>> upper_limit(45, 0, 0.95, population=100)
    0.04

    Raises:
        SamplingError: A confidence outside (0, 1), a size below 1 or
            above the population, or deviations below 0 or above the
            size.
    """
    _check_confidence(confidence)
    _check_result(size, deviations, population)
    if population is None:
        return _clopper_pearson(size, deviations, confidence)
    return _hypergeometric_bound(size, deviations, confidence, population)


# ---------------------------------------------------------------- the draw


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SampledRegister:
    """
    What a sample records about the register it was drawn from: enough to
    see that it is the same register, and nothing of its content (a
    complaint register holds personal data).

    Attributes:
        sha256: The SHA-256 of the register file, 64 lowercase hexadecimal
            digits.
        records: The number of records in it.
        id_column: The column that holds each record's id.
        stratify: The column the draw was stratified by, if any.
    """

    sha256: str
    records: int
    id_column: str
    stratify: str | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.sha256) != 64 or self.sha256.strip("0123456789abcdef"):  # noqa: PLR2004
            msg = (
                "the register's SHA-256 must be 64 lowercase hexadecimal "
                f"digits, got {excerpt(self.sha256)}"
            )
            raise SamplingError(msg)
        if self.records < 1:
            msg = f"the register must hold 1 record or more, got {self.records}"
            raise SamplingError(msg)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Stratum:
    """
    One stratum of a stratified draw.

    Attributes:
        name: The value of the stratification column.
        records: The number of records in the stratum.
        ids: The ids drawn from it, in rank order (smallest key first); its
            proportional share of the sample, possibly none.
    """

    name: str
    records: int
    ids: tuple[str, ...]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Draw:
    """
    The result of :func:`draw`.

    Attributes:
        ids: Every drawn id, in rank order (smallest key first).
        strata: The strata in name order, empty for a draw without strata.
        records: The number of records drawn from.
    """

    ids: tuple[str, ...]
    strata: tuple[Stratum, ...]
    records: int


def _key(seed: str, ident: str) -> int:
    # The digest read as a big-endian number: the same order as its
    # 64-digit hexadecimal text, and cheaper to make and compare.
    return int.from_bytes(
        hashlib.sha256((seed + ident).encode("utf-8")).digest(), "big"
    )


def _allocate(size: int, counts: dict[str, int]) -> dict[str, int]:
    """
    *size* shared among the strata in proportion to *counts*, by the
    largest remainder, ties to the name that sorts first.
    """
    total = sum(counts.values())
    shares = {name: divmod(size * count, total) for name, count in counts.items()}
    given = {name: whole for name, (whole, _) in shares.items()}
    left = size - sum(given.values())
    # Remainders compared as fractions of the same total: exact.
    ranked = sorted(shares, key=lambda name: (-shares[name][1], name))
    for name in ranked[:left]:
        given[name] += 1
    return given


def _unpack(record: object) -> tuple[str, str | None]:
    """The id and stratum of *record*, refused unless a pair of strings."""
    if not (
        isinstance(record, tuple)
        and len(record) == 2  # noqa: PLR2004 - an (id, stratum) pair
        and isinstance(record[0], str)
        and (record[1] is None or isinstance(record[1], str))
    ):
        msg = (
            "draw(): each of 'records' must be an (id, stratum) pair of strings "
            f"(the stratum may be None), got {excerpt(repr(record))}"
        )
        raise TypeError(msg)
    if not record[0].strip():
        msg = f"a record has an empty id ({excerpt(record[0])}): each record needs one"
        raise SamplingError(msg)
    return record[0], record[1]


_Kept = list[tuple[int, str]]
"""A heap of (negated key, id): the largest key on top, to be pushed out."""


def _smallest(
    records: Iterable[tuple[str, str | None]], size: int, seed: str
) -> tuple[dict[str | None, _Kept], dict[str | None, int]]:
    """
    One pass over *records*: per stratum, the *size* records with the
    smallest keys (no stratum's share exceeds the size, so this is all the
    draw keeps), and the number of records.
    """
    seen: set[str] = set()
    kept: dict[str | None, _Kept] = {}
    counts: dict[str | None, int] = {}
    for record in records:
        ident, stratum = _unpack(record)
        if ident in seen:
            msg = (
                f"record id {excerpt(ident)} appears more than once: ids must be unique"
            )
            raise SamplingError(msg)
        seen.add(ident)
        counts[stratum] = counts.get(stratum, 0) + 1
        heap = kept.setdefault(stratum, [])
        key = -_key(seed, ident)
        if len(heap) < size:
            heapq.heappush(heap, (key, ident))
        elif key > heap[0][0]:
            # Keys alone decide (two ids with one SHA-256 are not found in
            # practice), so most records, which are not kept, make no tuple.
            heapq.heapreplace(heap, (key, ident))
    return kept, counts


def _ranked(heap: _Kept, share: int) -> list[tuple[int, str]]:
    """The first *share* of *heap*'s records, as (key, id), smallest first."""
    return sorted((-key, ident) for key, ident in heap)[:share]


@checked_except("records")
def draw(records: Iterable[tuple[str, str | None]], *, size: int, seed: str) -> Draw:
    """
    Draw *size* records: those whose keys, the SHA-256 of *seed* followed
    by their id, are smallest.

    *records* are ``(id, stratum)`` pairs, read once (a generator of a
    million records is fine: memory grows with the ids, for the check
    that each is unique, and the sample, not with what the records hold).
    With ``None`` for every stratum the draw is not stratified. Otherwise
    each stratum gets its proportional share of *size* (largest
    remainder, ties to the name that sorts first), and its records with
    the smallest keys are drawn.

    >>> draw([(str(n), None) for n in range(1, 11)], size=3, seed="x").ids
    ('6', '9', '8')

    Raises:
        SamplingError: An empty or repeated id (named), records with and
            without a stratum, an empty seed, a size below 1 or above the
            number of records.
        TypeError: A record that is not an ``(id, stratum)`` pair of
            strings.
    """
    if size < 1:
        msg = f"the sample size must be 1 or more, got {size}"
        raise SamplingError(msg)
    if not seed:
        msg = "the seed must not be empty: it keeps the selection from being known"
        raise SamplingError(msg)
    if not isinstance(records, Iterable):
        msg = (
            "draw(): 'records' must be an iterable of (id, stratum) pairs, "
            f"got {type(records).__name__}"
        )
        raise TypeError(msg)
    kept, counts = _smallest(records, size, seed)
    total = sum(counts.values())
    if size > total:
        msg = f"a sample of {size} is larger than the population of {total} records"
        raise SamplingError(msg)
    if None in counts:
        if len(counts) > 1:
            msg = (
                "some records have a stratum and others none: in a stratified "
                "draw each record needs one"
            )
            raise SamplingError(msg)
        chosen = _ranked(kept[None], size)
        return Draw(ids=tuple(ident for _, ident in chosen), strata=(), records=total)
    named = {str(name): count for name, count in counts.items()}
    shares = _allocate(size, named)
    strata = []
    drawn: list[tuple[int, str]] = []
    for name in sorted(named):
        chosen = _ranked(kept[name], shares[name])
        drawn.extend(chosen)
        strata.append(
            Stratum(
                name=name, records=named[name], ids=tuple(ident for _, ident in chosen)
            )
        )
    return Draw(
        ids=tuple(ident for _, ident in sorted(drawn)),
        strata=tuple(strata),
        records=total,
    )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Sample:
    """
    A drawn sample, as its file records it: the register (by its
    fingerprint, never its content), the seed and method, the plan if
    there was one, and the ids drawn.

    Attributes:
        register: The register drawn from.
        seed: The seed of the draw.
        ids: Every drawn id, in rank order (smallest key first).
        plan: The plan the size came from; ``None`` when only a size was
            given.
        strata: The strata in name order, empty unless stratified.
        method: The draw method (:data:`SAMPLE_METHOD`).

    Raises:
        SamplingError: No ids, an id twice, more ids than the register has
            records, or strata that do not hold the ids and the records.
    """

    register: SampledRegister
    seed: str
    ids: tuple[str, ...]
    plan: SamplePlan | None = None
    strata: tuple[Stratum, ...] = ()
    method: str = SAMPLE_METHOD

    def __attrs_post_init__(self) -> None:
        if not self.ids:
            msg = "a sample holds 1 drawn id or more, got none"
            raise SamplingError(msg)
        if len(set(self.ids)) != len(self.ids):
            twice = next(i for i in self.ids if self.ids.count(i) > 1)
            msg = f"drawn id {excerpt(twice)} appears more than once in the sample"
            raise SamplingError(msg)
        if len(self.ids) > self.register.records:
            msg = (
                f"a sample of {len(self.ids)} is larger than the population of "
                f"{self.register.records} records"
            )
            raise SamplingError(msg)
        if self.strata:
            self._check_strata()

    def _check_strata(self) -> None:
        records = sum(stratum.records for stratum in self.strata)
        if records != self.register.records:
            msg = (
                f"the strata hold {records} records, the register "
                f"{self.register.records}"
            )
            raise SamplingError(msg)
        ids = sorted(i for stratum in self.strata for i in stratum.ids)
        if ids != sorted(self.ids):
            msg = "the strata's drawn ids are not the sample's drawn ids"
            raise SamplingError(msg)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SampleEvaluation:
    """
    What a sample shows about its population.

    Attributes:
        plan: The plan evaluated against.
        size: The records read.
        deviations: The deviations found among them.
        upper_limit: The upper limit of the population's deviation rate at
            the plan's confidence (:func:`upper_limit`).
        within: Whether the sample shows, with the plan's confidence, that
            the deviation rate is below the tolerable rate.
    """

    plan: SamplePlan
    size: int
    deviations: int
    upper_limit: float
    within: bool

    def text(self, language: Literal["nl", "en"] = "nl") -> str:
        """
        The conclusion in words an auditor can put in a report, in Dutch
        (``"nl"``, the default) or English (``"en"``).
        """
        if language not in ("nl", "en"):
            msg = f"unknown language {language!r} (expected 'nl' or 'en')"
            raise SamplingError(msg)
        confidence = _percent(_exact(self.plan.confidence), language)
        tolerable = _percent(_exact(self.plan.tolerable), language)
        # Shown rounded up: an upper limit shown lower than it is would
        # claim more than the sample shows.
        # (to a hundredth of a percent; the 1e-9 absorbs the bisection's
        # last digits, so that 0.05 does not show as 5.01 %).
        limit = _percent(
            Fraction(math.ceil(self.upper_limit * 10_000 - 1e-9), 10_000), language
        )
        population = self.plan.population
        if language == "en":
            found = (
                "1 deviation was found"
                if self.deviations == 1
                else f"{self.deviations} deviations were found"
            )
            whole = "" if population is None else f" of {population} records"
            head = (
                f"In a sample of {self.size} records, {found}; with {confidence} "
                f"confidence the deviation rate of the population{whole} is at "
                f"most {limit}."
            )
            if self.within:
                return (
                    f"{head} This is within the tolerable rate of {tolerable}: "
                    "the sample shows the norm is met."
                )
            return (
                f"{head} This is not within the tolerable rate of {tolerable}: "
                "the sample does not show the norm is met."
            )
        found = (
            "is 1 afwijking"
            if self.deviations == 1
            else f"zijn {self.deviations} afwijkingen"
        )
        whole = "" if population is None else f" van {population} dossiers"
        head = (
            f"In een steekproef van {self.size} dossiers {found} gevonden; met "
            f"{confidence} betrouwbaarheid is het afwijkingspercentage in de "
            f"populatie{whole} ten hoogste {limit}."
        )
        if self.within:
            return (
                f"{head} Dat is binnen het aanvaardbare percentage van "
                f"{tolerable}: de steekproef toont aan dat aan de norm wordt voldaan."
            )
        return (
            f"{head} Dat is niet binnen het aanvaardbare percentage van "
            f"{tolerable}: de steekproef toont niet aan dat aan de norm wordt "
            "voldaan."
        )


def _percent(rate: Fraction, language: str) -> str:
    """*rate* as a percentage, to at most two decimals: ``4.96%``, ``5%``."""
    shown = f"{float(rate * 100):.2f}".rstrip("0").removesuffix(".")
    if language == "nl":
        shown = shown.replace(".", ",")
    return f"{shown}%"


@checked
def evaluate_sample(
    sample: Sample, deviations: int, *, plan: SamplePlan | None = None
) -> SampleEvaluation:
    """
    What *sample* shows, now that its records were read and *deviations*
    of them deviate: the upper limit of the deviation rate at the plan's
    confidence, and whether the sample shows the rate is below the
    tolerable rate.

    Args:
        sample: The sample read.
        deviations: The drawn records that deviate from the norm.
        plan: The plan to judge by, in place of the sample's own.

    Raises:
        SamplingError: No plan (neither the sample's nor *plan*),
            deviations below 0 or above the sample size, or a plan whose
            population is not the register's number of records.
    """
    chosen = plan if plan is not None else sample.plan
    if chosen is None:
        msg = (
            "the sample has no plan and none was given: pass "
            "plan=SamplePlan(confidence, tolerable) to evaluate it"
        )
        raise SamplingError(msg)
    if chosen.population is not None and chosen.population != sample.register.records:
        msg = (
            f"the plan's population of {chosen.population} records is not the "
            f"register's {sample.register.records} records the sample was drawn from"
        )
        raise SamplingError(msg)
    size = len(sample.ids)
    _check_result(size, deviations, chosen.population)
    return SampleEvaluation(
        plan=chosen,
        size=size,
        deviations=deviations,
        upper_limit=upper_limit(size, deviations, chosen.confidence, chosen.population),
        within=_shows(
            size, deviations, chosen.confidence, chosen.tolerable, chosen.population
        ),
    )
