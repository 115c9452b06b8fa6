"""Builder rules for objectives (targets, baselines, milestones, progress), strategies, actions, risks and win themes."""

from __future__ import annotations

from typing import Any, Optional

from lark import Token

from .build_base import BuilderBase, Stmt, span, statements, text_stmt, token_span, unquote
from ..frozen import frozen_node
from ..model import (Action, Experiment, Milestone, Money, Objective, Percent, Quantity, Reading, Risk, Statement, Strategy,
                     Target, WinTheme)
from ..vocabulary import ActionStatus, Cadence, ExperimentState, Level, ObjectiveCategory, Stance


def quantity_kind(value: Quantity) -> str:
    """What a quantity counts, to tell whether a baseline and a target compare: money per currency, %, counts."""
    if isinstance(value, Money):
        return f"money in {value.currency}"
    if isinstance(value, Percent):
        return "a percentage"
    unit = value.unit.lower().rstrip("s")
    return f"a count of {unit}s" if unit else "a count"


def _compare(left: Quantity, right: Quantity) -> bool:
    """Same kind of quantity; a bare count (`from 3 to 8 sites`) takes the unit of the other."""
    a, b = quantity_kind(left), quantity_kind(right)
    return a == b or (a.startswith("a count") and b.startswith("a count") and "a count" in (a, b))


class ObjectiveBuilder(BuilderBase):
    def objective(self, keyword: Token, category: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        chosen = self.choice(ObjectiveCategory, category, "objective category") or ObjectiveCategory.revenue.value
        objective: dict[str, Any] = {"category": chosen, "name": unquote(name), "span": span(keyword, *body)}
        self.gather(body, objective, {"strategy": "strategies", "milestone": "milestones", "progress": "progress"},
                    ("supports", "people"))
        units = objective.pop("unit", None)
        if units:
            objective["unit"] = units[0].text
            if len(units) > 1:
                objective["more_units"] = units[1:]
        self._check_path(objective)
        return Stmt("objective", frozen_node(Objective, objective), objective["span"])

    def _check_path(self, objective: dict[str, Any]) -> None:
        """Milestones and progress must count what the target counts, or the path cannot be drawn."""
        target = objective.get("target")
        target = target.value if target is not None else None
        if target is None:
            return
        for entry in [*objective.get("milestones", ()), *objective.get("progress", ())]:
            if not _compare(entry.value, target):
                self.problem(entry.value.span, f"{entry.value.text} is {quantity_kind(entry.value)} but the "
                             f"target {target.text} is {quantity_kind(target)}: write both in the same terms")

    def metric(self, keyword: Token, text: Token) -> Stmt:
        return text_stmt("metric", keyword, text)

    def target(self, keyword: Token, value: Any, by: Optional[Stmt]) -> Stmt:
        where = span(keyword, value.span if isinstance(value, Stmt) else value, by)
        target: dict[str, Any] = {"span": where}
        if isinstance(value, Stmt):  # from ... to ...
            target.update(value.value)
        elif value is not None:
            target["value"] = value
        if by is not None:
            target["by"] = by.value
        if value is None and by is None:
            self.problem(where, "'target' needs a number, like target $500k by 2027-06-30")
        return Stmt("target", frozen_node(Target, target), where)

    def change(self, keyword: Token, start: Any, _to: Token, end: Any) -> Stmt:
        """`from 66% to 74%` (a baseline and a target) or `from opponent to supporter` (a change of stance)."""
        where = span(keyword, start, _to, end)
        if isinstance(start, Token) and isinstance(end, Token):
            found = {"from_stance": self.choice(Stance, start, "stance"), "to_stance": self.choice(Stance, end, "stance")}
            return Stmt("change", {key: value for key, value in found.items() if value}, where)
        if isinstance(start, Token) or isinstance(end, Token):
            self.problem(where, "write a change as two numbers (from 3 to 8 sites) or two stances (from opponent to supporter)")
            return Stmt("change", {}, where)
        if not _compare(start, end):
            self.problem(where, f"the baseline {start.text} is {quantity_kind(start)} but the target {end.text} "
                         f"is {quantity_kind(end)}: write both in the same terms")
        return Stmt("change", {"baseline": start, "value": end}, where)

    def word(self, *args: Any) -> Any:  # type: ignore[override]
        """The grammar's `word` rule (one bare word in `from ... to ...`), or the enum lookup of the base class."""
        if len(args) == 1:
            return args[0]
        return super().word(*args)

    def by(self, keyword: Token, date: Optional[dict[str, Any]]) -> Stmt:
        return Stmt("by", date, span(keyword, date))

    def milestone(self, keyword: Token, value: dict[str, Any], by: Stmt) -> Stmt:
        where = span(keyword, value, by)
        return Stmt("milestone", frozen_node(Milestone, {"value": value, "by": by.value, "span": where}) if by.value else None, where)

    def progress(self, keyword: Token, value: dict[str, Any], _on: Token, date: Optional[dict[str, Any]]) -> Stmt:
        where = span(keyword, value, date)
        return Stmt("progress", frozen_node(Reading, {"value": value, "on": date, "span": where}) if date else None, where)

    # ------------------------------------------------------------ strategies and actions
    def strategy(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        where = span(keyword, *body)
        strategy: dict[str, Any] = {"name": unquote(name), "actions": [], "span": where}
        found: dict[str, Any] = {}
        self.gather((s for s in statements(body) if s.tag != "action"), found)
        strategy["actions"] = [s.value for s in statements(body) if s.tag == "action"]
        experiment = found.get("experiment")
        for part in ("result", "learned"):
            if part not in found:
                continue
            if experiment is None:
                self.problem(found[f"{part}_span"], f"'{part}' belongs to an experiment: add experiment \"what you expect to "
                             "happen\" to this strategy")
            else:
                experiment[part] = found[part]
        if experiment is not None:
            strategy["experiment"] = frozen_node(Experiment, experiment)
        return Stmt("strategy", frozen_node(Strategy, strategy), where)

    def action(self, keyword: Token, text: Token, *parts: Stmt) -> Stmt:
        action = self.gather(parts, {"text": unquote(text), "span": span(keyword, text, *parts)})
        return Stmt("action", frozen_node(Action, action), action["span"])

    def customer_action(self, keyword: Token, text: Token, *parts: Stmt) -> Stmt:
        """An action the customer owns (a mutual action plan): its owner is one of theirs, not on our team."""
        action = self.gather(parts, {"text": unquote(text), "span": span(keyword, text, *parts), "customer": True})
        return Stmt("action", frozen_node(Action, action), action["span"])

    def action_owner(self, keyword: Token, value: Token) -> Stmt:
        return text_stmt("owner", keyword, value)

    def due(self, keyword: Token, date: Optional[dict[str, Any]]) -> Stmt:
        return Stmt("due", date, span(keyword, date))

    def status(self, *words: Token) -> Stmt:
        return Stmt("status", self.choice(ActionStatus, words[-1], "action status"), span(*words))

    def repeats(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("repeats", self.choice(Cadence, value, "rhythm"), span(keyword, value))

    def experiment(self, keyword: Token, state: Optional[Token], hypothesis: Token) -> Stmt:
        where = span(keyword, state, hypothesis)
        found: dict[str, Any] = {"hypothesis": unquote(hypothesis), "span": where}
        if state is not None:
            found["state"] = self.choice(ExperimentState, state, "experiment state")
        return Stmt("experiment", found, where)

    def result(self, keyword: Token, text: Token) -> Stmt:
        return text_stmt("result", keyword, text)

    def learned(self, keyword: Token, text: Token) -> Stmt:
        return text_stmt("learned", keyword, text)

    # ------------------------------------------------------------ risks and win themes
    def risk(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        risk = self.gather(body, {"name": unquote(name), "span": span(keyword, *body)}, {"mitigation": "mitigations"})
        return Stmt("risk", frozen_node(Risk, risk), risk["span"])

    def impact(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("impact", self.choice(Level, value, "impact"), span(keyword, value))

    def likelihood(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("likelihood", self.choice(Level, value, "likelihood"), span(keyword, value))

    def mitigation(self, keyword: Token, text: Token, *parts: Stmt) -> Stmt:
        action = self.gather(parts, {"text": unquote(text), "span": span(keyword, text, *parts)})
        return Stmt("mitigation", frozen_node(Action, action), action["span"])

    def win_theme(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        theme = self.gather(body, {"name": unquote(name), "span": span(keyword, *body)}, {"proof": "proofs"}, ("supports",))
        return Stmt("win_theme", frozen_node(WinTheme, theme), theme["span"])

    def proof(self, keyword: Token, text: Token, source: Optional[dict[str, Any]]) -> Stmt:
        proof: dict[str, Any] = {"kind": "proof", "text": unquote(text), "span": span(keyword, text, source)}
        if source:
            proof.update(source)
        return Stmt("proof", frozen_node(Statement, proof), proof["span"])


__all__ = ["ObjectiveBuilder", "quantity_kind", "token_span"]
