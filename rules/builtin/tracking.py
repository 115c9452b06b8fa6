"""Try, learn, improve: objectives tracked against their path, and experiments that teach something.

Methodology point 7. A plan in use names milestones, reads its progress on a
regular basis, adjusts when the trend cannot reach the target, and records
what each experiment taught. The path and its arithmetic live in
:mod:`planlint.api.trend`; the margin an objective may fall behind before it is
off track is the `off-track-margin` setting (a share of the path's whole
rise, 10% unless configured). Judged against `--as-of DATE`. Plans that name
no milestones, readings or experiments are not judged here.
"""

from __future__ import annotations

from typing import Iterable

from planlint.api.trend import DEFAULT_MARGIN, MARGIN_OPTION, arithmetic, shown, standing
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity, failed, passed

from planlint.api.examples import example_text as plan
from planlint.api.text import is_substantive
from .real import real_objectives



def _adoption(*lines: str) -> str:
    return plan('objective customer_success "Raise weekly use of the app" {\n'
                '  metric "share of nurses using the app each week"\n  target from 50% to 80% by 2027-06-30\n'
                + "\n".join(f"  {line}" for line in lines) + "\n}")


class ObjectiveOnTrack(Rule):
    info = RuleInfo(
        code="PL208",
        name="objective-off-track",
        category="objectives",
        severity=Severity.warning,
        weight=2.0,
        message="an objective's latest progress reading is behind its path to the target",
        why="The path runs straight from the baseline at the start of the period, through each milestone, to the "
        "target on its date. A latest reading behind it by more than the margin (`off-track-margin`, 10% of the "
        "path's whole rise unless configured) means the trend will not reach the target unless the plan changes.",
        fix="Adjust the strategy (and say so in the plan), or reset the target with the customer; then record the "
        "next `progress VALUE on DATE`.",
        methodology=(6, 7),
        failing=(_adoption("progress 52% on 2027-02-25"),),
        passing=(_adoption("progress 58% on 2027-02-25"),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        margin = float(ctx.options.get(MARGIN_OPTION, DEFAULT_MARGIN))
        for objective in real_objectives(ctx):
            result = standing(objective, ctx.plan.period)
            if result is None or objective.target is None or objective.target.value is None:
                continue
            like = objective.target.value
            reading = result.reading
            if result.share_behind() * 100 <= margin:
                yield passed(reading.span)
                continue
            allowed = abs(result.rise) * margin / 100
            yield failed(reading.span, f"objective '{objective.name}' is off track: progress {reading.value.text} on "
                         f"{reading.on.shown()} is {shown(result.behind, like, gap=True)} behind the path "
                         f"({arithmetic(result, like)}), more than the {margin:g}% margin ({shown(allowed, like, gap=True)})")


class ObjectiveTracked(Rule):
    info = RuleInfo(
        code="PL209",
        name="objective-untracked",
        category="objectives",
        severity=Severity.warning,
        weight=1.5,
        message="an objective is past a milestone or its target date with no progress reading since",
        why="A milestone is a date to look at the trend, and the target's own date is the last of them. Past it "
        "with no reading, nobody knows whether the objective is on its way (or was hit), so nobody will change "
        "course in time, or learn from the miss. Judged against `--as-of DATE`.",
        fix="Record where the objective stands: `progress VALUE on DATE`; past the target's date, say whether "
        "it was hit, and move the target if the plan goes on.",
        methodology=(7,),
        failing=(_adoption("milestone 60% by 2027-01-31", "progress 52% on 2026-12-15"),
                 plan('objective customer_success "Adoption" {\n  target 75% by 2027-01-15\n'
                      '  progress 52% on 2026-12-15\n}')),
        passing=(_adoption("milestone 60% by 2027-01-31", "progress 61% on 2027-02-05"),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for objective in real_objectives(ctx):
            points = [(m.by.date, m.span, f"its milestone {m.value.text} by {m.by.shown()}") for m in objective.milestones]
            target = objective.target
            if target is not None and target.by is not None:  # the target's date is the path's last point
                what = f"its target {target.value.text}" if target.value is not None else "its target"
                points.append((target.by.date, target.span, f"{what} by {target.by.shown()}"))
            past = [point for point in points if point[0] < ctx.as_of]
            if not past:
                continue
            due, span, what = max(past, key=lambda point: point[0])
            latest = max((r.on.date for r in objective.progress), default=None)
            if latest is not None and latest >= due:
                yield passed(span)
            else:
                since = f"the last was on {latest.isoformat()}" if latest else "none was ever recorded"
                yield failed(span, f"objective '{objective.name}' passed {what} with no progress reading since ({since})")


class ExperimentLearning(Rule):
    info = RuleInfo(
        code="PL310",
        name="experiment-learning",
        category="actions",
        severity=Severity.warning,
        weight=1.5,
        message="a finished experiment records no learning",
        why="An experiment is worth its cost only for what it teaches: a finished one with no `learned` line "
        "will be run again next year, or scaled without knowing why it worked.",
        fix="Add `learned \"...\"` to the strategy: what the result means for the next step (and `result \"...\"`).",
        methodology=(7, 11),
        failing=(plan('objective customer_success "Adoption" {\n  strategy "Ward champions" {\n'
                      '    experiment finished "Wards with a champion adopt faster"\n'
                      '    result "Two pilot wards reached 72%"\n  }\n}'),),
        passing=(plan('objective customer_success "Adoption" {\n  strategy "Ward champions" {\n'
                      '    experiment finished "Wards with a champion adopt faster"\n'
                      '    result "Two pilot wards reached 72%"\n'
                      '    learned "A champion on every shift matters more than training hours"\n  }\n}'),),
    )

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        for objective in real_objectives(ctx):
            for strategy in objective.strategies:
                experiment = strategy.experiment
                if experiment is None or not experiment.finished:
                    continue
                if is_substantive(experiment.learned or "", 3):
                    yield passed(experiment.span)
                else:
                    yield failed(experiment.span, f"the experiment in strategy '{strategy.name}' is finished but records "
                                 "no learning (add `learned \"...\"`)")


RULES: list[Rule] = [ObjectiveOnTrack(), ObjectiveTracked(), ExperimentLearning()]
