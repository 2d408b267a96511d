"""
The ``sample`` commands (ISO 19011, Annex A.6): ``sample plan`` gives the
number of records to read and what it assumes, ``sample draw`` draws them
from a register reproducibly, ``sample verify`` redraws and compares, and
``sample evaluate`` says what the records read show, optionally as an
evidence item of an assessment.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from typing import TYPE_CHECKING, TextIO

from goudenoor._data import object_data
from goudenoor._text import json_text, plain_line
from goudenoor.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    Parser,
    date_argument,
    read_audit,
)
from goudenoor.exceptions import GoudenoorError


if TYPE_CHECKING:
    from goudenoor.audit import Sample, SampleEvaluation, SamplePlan


__all__ = ["add_sample_command"]


def __dir__() -> list[str]:
    return __all__


def _rate(text: str) -> float:
    """A rate argument: 0.95, or 95% (argparse's ``type``)."""
    shown = text.strip()
    try:
        if shown.endswith("%"):
            return float(shown[:-1]) / 100
        return float(shown)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a rate such as 0.95 or 95%, got {text!r}"
        ) from None


def _add_plan_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--confidence",
        type=_rate,
        required=required,
        metavar="C",
        help="how sure the conclusion is to be: 0.95 or 95%%",
    )
    parser.add_argument(
        "--tolerable",
        type=_rate,
        required=required,
        metavar="T",
        help="the highest deviation rate that still meets the norm: 0.05 or 5%%",
    )
    parser.add_argument(
        "--expected",
        type=int,
        default=0,
        metavar="K",
        help="the deviations the sample may hold and still show it (default: 0)",
    )


def _add_language_and_format(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--language",
        choices=["nl", "en"],
        default="nl",
        help=f"the language of the {what} (default: nl)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default) or JSON with a 'goudenoor' format marker",
    )


def add_sample_command(commands: Commands) -> None:
    sample = commands.add_parser(
        "sample",
        help="how many records to read, which ones, and what they show",
        description="Sampling records (ISO 19011, Annex A.6): the sample size "
        "of a plan (plan), a reproducible draw from a register (draw), the "
        "check that a sample still fits its register (verify), and what the "
        "records read show (evaluate).",
    )
    steps = sample.add_subparsers(
        title="steps", dest="step", metavar="STEP", parser_class=Parser
    )
    steps.required = True
    plan = steps.add_parser(
        "plan",
        help="the number of records to read, and what it assumes",
        description="The smallest sample for which finding at most K "
        "deviations shows, with confidence C, that the deviation rate is "
        "below T: binomial, or hypergeometric with --population.",
    )
    _add_plan_options(plan, required=True)
    plan.add_argument(
        "--population",
        type=int,
        default=None,
        metavar="N",
        help="the number of records in the population, if known",
    )
    _add_language_and_format(plan, "assumptions")
    plan.set_defaults(handler=_plan)
    _add_draw(steps)
    verify = steps.add_parser(
        "verify",
        help="redraw a sample and compare it with its register",
        description="Check that the register is the one the sample was drawn "
        "from (its SHA-256 and number of records) and that the draw gives the "
        "same ids again. Exits 1, naming what differs, when it does not.",
    )
    verify.add_argument("sample", metavar="SAMPLE", help="the sample file (YAML)")
    verify.add_argument(
        "register", metavar="REGISTER", help="the register (CSV or XLSX)"
    )
    verify.set_defaults(handler=_verify)
    _add_evaluate(steps)


def _add_draw(steps: argparse._SubParsersAction[Parser]) -> None:
    drawing = steps.add_parser(
        "draw",
        help="draw records from a register, reproducibly",
        description="Draw records from a register (CSV with ',', ';' or tab, "
        "or the first sheet of an XLSX): each ranked by the SHA-256 of the "
        "seed followed by its id, the smallest first (method sha256-rank/1), "
        "per stratum in proportion with --stratify. The size is --size, or "
        "the plan's with its population the register's number of records. "
        "Only the ids are written, never other columns.",
    )
    drawing.add_argument(
        "register", metavar="REGISTER", help="the register (CSV or XLSX)"
    )
    drawing.add_argument(
        "--id-column", required=True, metavar="COL", help="the column of the ids"
    )
    drawing.add_argument(
        "--seed",
        required=True,
        metavar="TEXT",
        help="the seed, chosen after the register is fixed",
    )
    drawing.add_argument(
        "--size", type=int, default=None, metavar="N", help="the number to draw"
    )
    _add_plan_options(drawing, required=False)
    drawing.add_argument(
        "--stratify", default=None, metavar="COL", help="the column to stratify by"
    )
    drawing.add_argument(
        "-o", "--output", required=True, metavar="SAMPLE", help="the sample file"
    )
    drawing.add_argument(
        "--force", action="store_true", help="replace SAMPLE if it exists"
    )
    drawing.set_defaults(handler=_draw)


def _add_evaluate(steps: argparse._SubParsersAction[Parser]) -> None:
    evaluate = steps.add_parser(
        "evaluate",
        help="what the records read show, optionally as evidence",
        description="The upper limit of the deviation rate at the plan's "
        "confidence, and whether the sample shows the norm is met. A sample "
        "drawn with --size alone has no plan: give --confidence and "
        "--tolerable (the population is the register's records). With "
        "--into, the conclusion is added as an evidence item (kind sample) to "
        "the rating of --requirement, through the journal when there is one.",
    )
    evaluate.add_argument("sample", metavar="SAMPLE", help="the sample file (YAML)")
    found = evaluate.add_mutually_exclusive_group(required=True)
    found.add_argument(
        "--deviations", type=int, metavar="K", help="the deviations found"
    )
    found.add_argument(
        "--results",
        metavar="FILE",
        help="a CSV with the columns id and outcome (ok, afwijking or "
        "deviation), a row per drawn id ('-': stdin)",
    )
    _add_plan_options(evaluate, required=False)
    _add_language_and_format(evaluate, "conclusion")
    evaluate.add_argument(
        "--requirement", metavar="ID", help="the requirement the evidence is for"
    )
    evaluate.add_argument(
        "--checkpoint", metavar="ID", help="the checkpoint it is about"
    )
    evaluate.add_argument(
        "--into", metavar="ASSESSMENT", help="the assessment file to add it to"
    )
    evaluate.add_argument("--by", metavar="NAME", help="who collected it")
    evaluate.add_argument("--reason", metavar="TEXT", help="why it is added")
    evaluate.add_argument(
        "--date",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="the evidence date, YYYY-MM-DD (default: today)",
    )
    evaluate.set_defaults(handler=_evaluate)


# ---------------------------------------------------------------- plan


_PLAN_WORDS = {
    "nl": {
        "size": "Steekproefomvang: {size} dossiers",
        "assumptions": "Aannames:",
        "confidence": "betrouwbaarheid {confidence}: als {tolerable} of meer van "
        "de dossiers afwijkt, toont hooguit {risk} van de steekproeven van deze "
        "omvang ten onrechte aan dat aan de norm wordt voldaan",
        "expected": "de steekproef toont het aan als er ten hoogste {expected} "
        "afwijking(en) in worden gevonden",
        "binomial": "binomiaal: de populatie is groot of onbekend (elk dossier is "
        "met kans {tolerable} een afwijking)",
        "hypergeometric": "hypergeometrisch: trekking zonder teruglegging uit "
        "{population} dossiers, waarvan er {deviating} afwijken bij het "
        "aanvaardbare percentage",
        "independent": "de dossiers zijn onafhankelijk: elk is een afwijking of "
        "niet, beoordeeld naar dezelfde norm",
        "population": "de populatie (welke dossiers, uit welke periode) ligt vast "
        "voor de trekking",
    },
    "en": {
        "size": "Sample size: {size} records",
        "assumptions": "Assumptions:",
        "confidence": "confidence {confidence}: when {tolerable} or more of the "
        "records deviate, at most {risk} of the samples of this size wrongly "
        "show the norm is met",
        "expected": "the sample shows it when at most {expected} deviation(s) "
        "are found in it",
        "binomial": "binomial: the population is large or unknown (each record "
        "deviates with probability {tolerable})",
        "hypergeometric": "hypergeometric: drawn without replacement from "
        "{population} records, of which {deviating} deviate at the tolerable "
        "rate",
        "independent": "the records are independent: each is a deviation or "
        "not, judged by the same norm",
        "population": "the population (which records, from which period) is "
        "fixed before the draw",
    },
}


def _percent(rate: float, language: str) -> str:
    shown = f"{rate * 100:.2f}".rstrip("0").removesuffix(".")
    return (shown.replace(".", ",") if language == "nl" else shown) + "%"


def plan_text(plan: SamplePlan, language: str) -> str:
    """The size of *plan* and its assumptions, in *language*."""
    import math
    from fractions import Fraction

    words = _PLAN_WORDS[language]
    values = {
        "size": plan.size,
        "confidence": _percent(plan.confidence, language),
        "tolerable": _percent(plan.tolerable, language),
        "risk": _percent(1 - plan.confidence, language),
        "expected": plan.expected,
        "population": plan.population,
        "deviating": None
        if plan.population is None
        # As the plan counts them: the rate as the decimal it is written as.
        else math.ceil(Fraction(repr(plan.tolerable)) * plan.population),
    }
    model = "binomial" if plan.population is None else "hypergeometric"
    items = ["confidence", "expected", model, "independent", "population"]
    lines = [words["size"].format(**values), words["assumptions"]]
    lines += [f"- {words[item].format(**values)}" for item in items]
    return "\n".join(lines) + "\n"


def _plan(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.audit import SamplePlan
    from goudenoor.files import SAMPLE_PLAN_SHAPE

    plan = SamplePlan(
        confidence=args.confidence,
        tolerable=args.tolerable,
        expected=args.expected,
        population=args.population,
    )
    if args.format == "json":
        out.write(json_text(object_data(SAMPLE_PLAN_SHAPE, plan)))
    else:
        out.write(plan_text(plan, args.language))
    return EXIT_OK


# ---------------------------------------------------------------- draw


def _draw(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.audit import SamplePlan
    from goudenoor.files import draw_sample, save_sample

    given = (args.confidence is not None, args.tolerable is not None)
    if any(given) and not all(given):
        raise GoudenoorError(
            "a plan needs both --confidence and --tolerable (or give --size alone)"
        )
    plan = (
        SamplePlan(
            confidence=args.confidence,
            tolerable=args.tolerable,
            expected=args.expected,
        )
        if all(given)
        else None
    )
    if plan is None and args.size is None:
        raise GoudenoorError(
            "give --size N, or a plan (--confidence C --tolerable T) to compute "
            "the size from"
        )
    sample = draw_sample(
        args.register,
        id_column=args.id_column,
        seed=args.seed,
        size=args.size,
        plan=plan,
        stratify=args.stratify,
    )
    save_sample(sample, args.output, overwrite=args.force)
    lines = [plain_line(ident) for ident in sample.ids]
    if sample.plan is not None and args.size is None:
        lines.append(
            f"{len(sample.ids)} records drawn: the plan's size with its "
            f"population the register's {sample.register.records} records"
        )
    else:
        lines.append(f"{len(sample.ids)} of {sample.register.records} records drawn")
    lines += [
        plain_line(f"  {stratum.name}: {len(stratum.ids)} of {stratum.records}")
        for stratum in sample.strata
    ]
    lines.append(f"written to {args.output}")
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


# ---------------------------------------------------------------- verify


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import STDIN, loads_sample, read_input, verify_sample

    source, text = read_input(args.sample)
    sample = loads_sample(text, source=source)
    problems = verify_sample(sample, args.register)
    for problem in problems:
        sys.stderr.write(f"goudenoor: {plain_line(problem)}\n")
    if problems:
        return EXIT_FINDINGS
    shown = STDIN if args.sample == "-" else args.sample
    out.write(
        plain_line(
            f"{shown}: the register is the one drawn from "
            f"({sample.register.records} records) and the redraw gives the "
            f"same {len(sample.ids)} ids"
        )
        + "\n"
    )
    return EXIT_OK


# ---------------------------------------------------------------- evaluate


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.audit import evaluate_sample
    from goudenoor.files import (
        SAMPLE_EVALUATION_SHAPE,
        loads_sample,
        read_input,
        read_results,
    )

    _check_into(args)
    source, text = read_input(args.sample)
    sample = loads_sample(text, source=source)
    if args.results is not None:
        results_source, results = read_input(args.results)
        deviations = read_results(results, sample, source=results_source)
    else:
        deviations = args.deviations
    evaluation = evaluate_sample(
        sample, deviations, plan=_evaluation_plan(args, sample)
    )
    if args.format == "json":
        out.write(
            json_text(object_data(SAMPLE_EVALUATION_SHAPE, (evaluation, args.language)))
        )
    else:
        out.write(evaluation.text(args.language) + "\n")
    if args.into is not None:
        _add_into(args, evaluation, out if args.format == "text" else sys.stderr)
    return EXIT_OK


def _evaluation_plan(args: argparse.Namespace, sample: Sample) -> SamplePlan | None:
    """
    The plan given on the command line, if any: its population is the
    register's, as a draw with a plan has it.
    """
    from goudenoor.audit import SamplePlan

    given = (args.confidence is not None, args.tolerable is not None)
    if any(given) and not all(given):
        raise GoudenoorError("a plan needs both --confidence and --tolerable")
    if all(given):
        return SamplePlan(
            confidence=args.confidence,
            tolerable=args.tolerable,
            expected=args.expected,
            population=sample.register.records,
        )
    if sample.plan is None:
        raise GoudenoorError(
            "the sample has no plan (it was drawn with --size alone): give "
            "--confidence C --tolerable T to evaluate it"
        )
    return None


def _check_into(args: argparse.Namespace) -> None:
    into = args.into is not None
    needs = {
        "--requirement": args.requirement,
        "--by": args.by,
        "--reason": args.reason,
    }
    if not into:
        extra = [name for name, value in needs.items() if value is not None]
        if args.checkpoint is not None:
            extra.append("--checkpoint")
        if extra:
            raise GoudenoorError(
                f"{', '.join(extra)} only with --into ASSESSMENT (the assessment "
                "the evaluation is added to)"
            )
        return
    missing = [name for name, value in needs.items() if value is None]
    if missing:
        raise GoudenoorError(
            f"--into needs {', '.join(missing)}: the evidence says for which "
            "requirement, who and why"
        )
    if "-" in (args.into, args.sample):
        raise GoudenoorError(
            "--into adds the sample file as evidence to an assessment file: "
            "both are files, not standard input ('-')"
        )


def _add_into(
    args: argparse.Namespace, evaluation: SampleEvaluation, report: TextIO
) -> None:
    from goudenoor.files import add_evidence_file, journal_path, sample_evidence

    audit = read_audit(args.into)
    requirement = audit.standard.requirement(args.requirement)
    if args.checkpoint is not None and args.checkpoint not in {
        checkpoint.id for checkpoint in requirement.checkpoints
    }:
        known = ", ".join(c.id for c in requirement.checkpoints) or "none"
        raise GoudenoorError(
            f"requirement {requirement.id} has no checkpoint "
            f"{args.checkpoint!r} (its checkpoints: {known})"
        )
    date = args.date or datetime.date.today()  # noqa: DTZ011 - the user's local day
    evidence = sample_evidence(
        evaluation,
        args.sample,
        args.into,
        by=args.by,
        date=date,
        checkpoint=args.checkpoint,
        language=args.language,
    )
    if date > audit.assessment.date:
        given = "given" if args.date else "today by default"
        raise GoudenoorError(
            f"the evidence date {date.isoformat()} ({given}) is after the date of "
            f"the assessment {args.into} ({audit.assessment.date.isoformat()}): "
            "give --date DATE on or before it"
        )
    journalled = journal_path(args.into).exists()
    _, entries = add_evidence_file(
        args.into, requirement.id, evidence, by=args.by, reason=args.reason
    )
    if journalled:
        done = (
            f"evidence added to requirement {requirement.id} of {args.into}; "
            f"{len(entries)} entries written to {journal_path(args.into)}"
        )
    else:
        done = (
            f"evidence added to requirement {requirement.id} of {args.into} "
            "(no journal beside it: none was started)"
        )
    report.write(plain_line(done) + "\n")
