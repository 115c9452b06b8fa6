"""The engine on models built in Python: items, partial credit, selection, crashing rules."""

from __future__ import annotations

from typing import Iterable

from planlint.engine import Linter
from planlint.hookspecs import hookimpl
from planlint.model import Action, Objective, ObjectiveCategory, Plan, PlanFile, Span, Strategy
from planlint.api.registry import load_registry
from planlint.engine.results import FileResult
from planlint.rule import CheckContext, Item, Rule, RuleInfo, Severity
from planlint.config.settings import Settings


def plan_with_actions(owners: list[str | None]) -> PlanFile:
    actions = [Action(text=f"step {i}", owner=owner, span=Span(line=10 + i, column=7, end_line=10 + i, end_column=40))
               for i, owner in enumerate(owners)]
    objective = Objective(category=ObjectiveCategory.revenue, name="Win", strategies=[Strategy(name="s", actions=actions)])
    return PlanFile(document=Plan(name="P", owner="Jane", objectives=[objective]))


def lint(planfile: PlanFile, settings: Settings | None = None, extra: Iterable[object] = ()) -> FileResult:
    registry = load_registry(extra_plugins=extra)
    return Linter(registry, settings or Settings()).lint_model(planfile, "p.plan")


def test_partial_credit_for_action_owners() -> None:
    result = lint(plan_with_actions(["Jane", None, "Raj", None]))
    owner_score = next(r for r in result.rules if r.code == "PL302")
    assert (owner_score.passed, owner_score.total, owner_score.score) == (2, 4, 50.0)
    flagged = [f for f in result.findings if f.code == "PL302"]
    assert [(f.line, f.column) for f in flagged] == [(11, 7), (13, 7)]
    assert flagged[0].message == "action 'step 1' has no owner"


def test_ignore_by_name_and_prefix_like_ruff() -> None:
    settings = Settings(ignore=["PL3", "placeholder-text"], **{"extend-select": ["PL302"]})
    codes = {r.code for r in lint(plan_with_actions([None]), settings).rules}
    assert "PL302" in codes  # the more specific selector wins
    assert "PL301" not in codes and "PL303" not in codes and "PL901" not in codes


class Explodes(Rule):
    info = RuleInfo(code="XX001", name="explodes", category="research", severity=Severity.warning, weight=1,
                    message="m", why="w", fix="f", pack="boom-pack")

    def check(self, ctx: CheckContext) -> Iterable[Item]:
        raise RuntimeError("kaput")


class BoomPlugin:
    @hookimpl
    def planlint_rules(self) -> list[Rule]:
        return [Explodes()]


def test_a_crashing_rule_is_an_internal_error_finding_and_the_rest_still_run() -> None:
    result = lint(plan_with_actions(["Jane"]), extra=[BoomPlugin()])
    internal = [f for f in result.findings if f.code == "PL000"]
    assert len(internal) == 1
    assert "XX001" in internal[0].message and "boom-pack" in internal[0].message and "kaput" in internal[0].message
    assert any(r.code == "PL302" for r in result.rules)


class RaisingHookPlugin:
    @hookimpl
    def planlint_rules(self) -> list[Rule]:
        raise ValueError("cannot build my rules")


def test_a_plugin_whose_hook_raises_is_reported_by_name() -> None:
    registry = load_registry(extra_plugins=[RaisingHookPlugin()])
    assert any("cannot build my rules" in p.message for p in registry.problems)
    assert registry.find("PL101") is not None


def test_empty_plan_scores_low_not_high() -> None:
    result = lint(PlanFile(document=Plan(name="Empty")))
    assert result.score < 15
    assert result.band == "thin"  # nothing is written, so nothing reads as form: it covers nothing of the method
    assert result.substance is None and {e.state for e in result.essentials} == {"failed"}
