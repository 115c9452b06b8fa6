"""Building the plan model from the parser's reductions, without a parse tree.

:class:`PlanBuilder` is the one transformer the parser uses: the document,
the plan header, revenue, the pipeline and the value literals are here, the
research and people blocks in :mod:`planlint.language.build_people`, objectives,
actions, risks and win themes in :mod:`planlint.language.build_objectives`, and the
shared machinery (the per-parse :class:`BuildLog`, spans, gathering) in
:mod:`planlint.language.build_base`. Each block and value becomes its frozen
model node as it is reduced (:func:`planlint.frozen.frozen_node`); nothing is
validated a second time.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from lark import Token

from ..suggest import closest
from . import values
from .build_base import BuildLog, Stmt, span, statements, text_stmt, token_span, unquote
from .build_objectives import ObjectiveBuilder
from .build_people import PeopleBuilder
from ..frozen import frozen_node
from ..model import (Account, Count, DateValue, Money, Opportunity, Percent, Period, Pipeline, Plan, Portfolio, Quarter,
                     RevenueFigure, Span)
from ..vocabulary import MONTH_NUMBERS, Cadence, Level, Month, RevenueKind, Stage

__all__ = ["BuildLog", "PlanBuilder"]

LEVELS = frozenset(level.value for level in Level)
KINDS = tuple(kind.value for kind in RevenueKind)
RHYTHMS = frozenset({RevenueKind.recurring.value, RevenueKind.one_off.value})


class PlanBuilder(PeopleBuilder, ObjectiveBuilder):
    """One method per grammar rule; each returns a model node, a value, or a :class:`Stmt` for its block to gather."""

    # ------------------------------------------------------------ document
    def start(self, document: Any) -> Any:
        return document

    def plan(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Plan:
        plan: dict[str, Any] = {"kind": "plan", "name": unquote(name), "span": span(keyword, *body)}
        found = [figure for stmt in statements(body) for figure in (self._figures(stmt.value) if stmt.tag == "revenue" else [stmt])]
        self.gather(found, plan, {"unit": "units", "stakeholder": "stakeholders", "objective": "objectives", "party": "parties",
                                  "risk": "risks", "win_theme": "win_themes"}, ("team",))
        if "team" in plan:
            members = plan.pop("team")
            plan["team"], plan["team_spans"] = [m.text for m in members], [m.span for m in members]
        if plan.get("fiscal_year_start", 1) != 1:
            self._fiscal_quarters(plan["fiscal_year_start"])
        if "period" in plan:  # made last: the fiscal year may move its first day
            plan["period"] = frozen_node(Period, plan["period"])
        _revenue_nodes(plan)
        return frozen_node(Plan, plan)

    def _fiscal_quarters(self, start: int) -> None:
        """Re-read every quarter the plan wrote as a quarter of the customer's fiscal year starting in month ``start``.

        The dates are nodes already (inside objectives, actions...), read
        before the plan named its fiscal year; they are set right here, in
        place, before the plan is handed to anyone.
        """
        for date in self.log.quarters:
            quarter = date.quarter
            _rewrite(quarter, fiscal_start=start)
            _rewrite(date, date=values.quarter_bounds(quarter.year, quarter.quarter, start)[1])
        for period, first, last in self.log.periods:
            if first is not None and first.quarter is not None:
                period["start"] = values.quarter_bounds(first.quarter.year, first.quarter.quarter, start)[0]
                period["fiscal"] = True
            if last is not None and last.quarter is not None:
                period["end"], period["fiscal"] = last.date, True
            if period.get("fiscal") and period["start"] and period["end"] and period["end"] < period["start"]:
                self.problem(period["span"], f"the plan period ends ({last.text if last else ''}) before it starts "
                             f"({first.text if first else ''}) in the customer's fiscal year")

    def account(self, keyword: Token, value: Token) -> Stmt:
        return text_stmt("account", keyword, value)

    def period(self, keyword: Token, first: Optional[DateValue], _to: Token, last: Optional[DateValue]) -> Stmt:
        start = _period_start(first)
        end = last.date if last else None
        where = span(keyword, first, _to, last)
        if start and end and end < start:
            self.problem(where, f"the plan period ends ({last.text}) before it starts ({first.text})")  # type: ignore[union-attr]
        period = {"start": start, "end": end, "span": where}
        self.log.periods.append((period, first, last))
        return Stmt("period", period, where)

    def cadence(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("cadence", self.choice(Cadence, value, "cadence"), span(keyword, value))

    def reviewed(self, keyword: Token, date: Optional[DateValue]) -> Stmt:
        return Stmt("reviewed", date, span(keyword, date))

    def fiscal_year_start(self, keyword: Token, month: Token) -> Stmt:
        """`fiscal_year_start July` (or `Jul`): the month the customer's fiscal year starts in."""
        number = MONTH_NUMBERS.get(str(month).lower())
        if number is None:
            self.choice(Month, month, "month")
        return Stmt("fiscal_year_start", number, span(keyword, month))

    # ------------------------------------------------------------ revenue
    def revenue(self, keyword: Token, *figures: Any) -> Stmt:
        """The figures, left for the plan to place (a repeated one is caught there)."""
        return Stmt("revenue", list(statements(figures)), span(keyword, *figures))

    def figure(self, when: Token, amount: Optional[Money], *rest: Any) -> Stmt:
        *words, horizon = rest
        figure: dict[str, Any] = {"span": span(when, amount, *words, horizon)}
        if amount is not None:
            figure["amount"] = amount
        for token in words:
            self._figure_word(figure, token)
        if horizon is not None and horizon.value is not None:
            figure["horizon"] = horizon.value
        if amount is None and not words and horizon is None:
            self.problem(figure["span"], f"'{when}' needs an amount like $1.2M or a level (high, medium, low)")
        return Stmt(f"{when}_revenue", figure, figure["span"])

    def _figure_word(self, figure: dict[str, Any], token: Token) -> None:
        """A level (`high`) or a kind (`recurring`, `renewal`...) after a revenue amount."""
        word = str(token).lower()
        if word in LEVELS:
            if "level" in figure:
                self.problem(token_span(token), f"a revenue figure has one level, not two ('{figure['level']}' and '{word}')")
            figure["level"] = word
        elif word in KINDS:
            kinds = figure.setdefault("kinds", [])
            if word in RHYTHMS and RHYTHMS & set(kinds):
                self.problem(token_span(token), "a revenue figure is recurring or one_off, not both: split it in two parts")
            elif word not in kinds:
                kinds.append(word)
        elif closest(word, KINDS) and not closest(word, LEVELS):
            self.choice(RevenueKind, token, "revenue kind")
        else:
            self.choice(Level, token, "revenue level")

    def _figures(self, figures: list[Stmt]) -> list[Stmt]:
        """`current $900k recurring, current $300k one_off`: parts that add up to one figure.

        Only figures that all name a kind are parts; otherwise a repeated
        `current` stays a repeated statement (PL002), as it always was.
        """
        tags = [stmt.tag for stmt in figures]
        result: list[Stmt] = []
        for tag in dict.fromkeys(tags):
            group = [stmt for stmt in figures if stmt.tag == tag]
            if len(group) > 1 and all(stmt.value.get("kinds") for stmt in group):
                result.append(self._parts(tag, group))
            else:
                result.extend(group)
        return result

    def _parts(self, tag: str, group: list[Stmt]) -> Stmt:
        parts = [stmt.value for stmt in group]
        first, last = group[0].span, group[-1].span
        where = Span._make((first.line, first.column, last.end_line, last.end_column))
        figure: dict[str, Any] = {"span": where, "parts": parts}
        amounts = [part.get("amount") for part in parts]
        currencies = {amount.currency for amount in amounts if amount}
        if None in amounts or len(currencies) != 1:
            self.problem(where, "revenue parts add up only when each has an amount, all in one currency")
        else:
            total = sum(amount.amount for amount in amounts)  # type: ignore[union-attr]
            figure["amount"] = frozen_node(Money, {"amount": total, "currency": currencies.pop(), "span": where,
                                                   "text": " + ".join(amount.text for amount in amounts)})  # type: ignore[union-attr]
        return Stmt(tag, figure, where)

    # ------------------------------------------------------------ pipeline
    def pipeline(self, keyword: Token, _open: Token, *body: Any) -> Stmt:
        where = span(keyword, *body)
        pipeline = self.gather(body, {"span": where}, {"opportunity": "opportunities"})
        return Stmt("pipeline", frozen_node(Pipeline, pipeline), where)

    def deals(self, keyword: Token, count: Token) -> Stmt:
        return Stmt("deals", self._checked(token_span(count), values.deal_count, str(count)), span(keyword, count))

    def average(self, keyword: Token, amount: Money) -> Stmt:
        return Stmt("average", amount, span(keyword, amount))

    def win_rate(self, keyword: Token, rate: Token) -> Stmt:
        where = token_span(rate)
        rate_node = frozen_node(Percent, {"value": self._checked(where, values.win_rate, str(rate)), "text": str(rate), "span": where})
        return Stmt("win_rate", rate_node, span(keyword, rate))

    def cycle(self, keyword: Token, count: Token, unit: Optional[Token]) -> Stmt:
        written = str(unit) if unit is not None else ""
        if written and written.lower() not in values.CYCLE_UNITS:
            self.problem(token_span(unit), f"unknown unit '{unit}' for the sales cycle (use days, weeks or months)")  # type: ignore[arg-type]
            written = ""
        days = self._checked(span(count, unit), values.cycle_days, str(count), written)
        return Stmt("cycle_days", days, span(keyword, count, unit))

    def opportunity(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        deal = self.gather(body, {"name": unquote(name), "span": span(keyword, *body)})
        units = deal.pop("unit", None)
        if units:
            deal["units"] = units
        return Stmt("opportunity", frozen_node(Opportunity, deal), deal["span"])

    def stage(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("stage", self.choice(Stage, value, "stage"), span(keyword, value))

    def amount(self, keyword: Token, value: Money) -> Stmt:
        return Stmt("amount", value, span(keyword, value))

    def close(self, keyword: Token, date: Optional[DateValue]) -> Stmt:
        return Stmt("close", date, span(keyword, date))

    def probability(self, keyword: Token, value: Token) -> Stmt:
        where = token_span(value)
        chance = frozen_node(Percent, {"value": self._checked(where, values.probability, str(value)), "text": str(value), "span": where})
        return Stmt("probability", chance, span(keyword, value))

    def serves(self, keyword: Token, name: Token) -> Stmt:
        return text_stmt("objective", keyword, name)

    def _checked(self, where: Span, read: Callable[..., Any], *args: str) -> Any:
        """``read(*args)``, or None and a PL002 at ``where`` when the value is impossible (win_rate 250%)."""
        try:
            return read(*args)
        except values.ValueProblem as error:
            self.problem(where, str(error))
            return None

    # ------------------------------------------------------------ portfolio
    def portfolio(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Portfolio:
        found = self.gather(body, {"kind": "portfolio", "name": unquote(name), "span": span(keyword, *body)}, {"account": "accounts"})
        return frozen_node(Portfolio, found)

    def high_current(self, keyword: Token, amount: Money) -> Stmt:
        return Stmt("high_current", amount, span(keyword, amount))

    def high_future(self, keyword: Token, amount: Money) -> Stmt:
        return Stmt("high_future", amount, span(keyword, amount))

    def account_entry(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        account = self.gather(self._figures(list(statements(body))), {"name": unquote(name), "span": span(keyword, *body)})
        _revenue_nodes(account)
        return Stmt("account", frozen_node(Account, account), account["span"])

    def plan_ref(self, keyword: Token, path: Token) -> Stmt:
        return Stmt("plan", unquote(path), span(keyword, path))

    # ------------------------------------------------------------ values
    def date(self, token: Token) -> Optional[DateValue]:
        where = token_span(token)
        try:
            if token.type == "QUARTER":
                year, number, last = values.quarter(token)
                quarter = frozen_node(Quarter, {"year": year, "quarter": number})
                found = frozen_node(DateValue, {"date": last, "quarter": quarter, "text": str(token), "span": where})
                self.log.quarters.append(found)
                return found
            return frozen_node(DateValue, {"date": values.iso_date(token), "text": str(token), "span": where})
        except values.ValueProblem as error:
            self.problem(where, str(error))
            return None

    def money(self, token: Token) -> Money:
        try:
            amount, currency = values.money(token)
        except values.ValueProblem as error:  # a PL002 on this amount; the file is reported, not read
            self.problem(token_span(token), str(error))
            amount, currency = 0.0, "USD"
        return frozen_node(Money, {"amount": amount, "currency": currency, "text": str(token), "span": token_span(token)})

    def quantity(self, first: Any, unit: Optional[Token] = None) -> Any:
        if isinstance(first, Money):
            return first
        if first.type == "PERCENT":
            return frozen_node(Percent, {"value": values.percent(first), "text": str(first), "span": token_span(first)})
        text = f"{first} {unit}" if unit is not None else str(first)
        if unit is not None and str(unit).upper() in values.CURRENCY_CODES:
            # "500000 USD" would be a count of things called USD: money puts its currency first.
            code = str(unit).upper()
            self.problem(span(first, unit), f"'{text}' is not read as money: write the currency first, "
                                            f"like {code} {values.number(first):,.0f}")
        return frozen_node(Count, {"value": values.number(first), "unit": str(unit or ""), "text": text, "span": span(first, unit)})


def _period_start(start: Optional[DateValue]) -> Optional[Any]:
    """A period that starts at a quarter starts on its first day, not its last."""
    if start is None:
        return None
    quarter = start.quarter
    return values.quarter_bounds(quarter.year, quarter.quarter)[0] if quarter else start.date


def _revenue_nodes(block: dict[str, Any]) -> None:
    """The block's revenue figures (and their parts) as nodes: made last, once the figures and their parts are known."""
    for key in ("current_revenue", "future_revenue"):
        figure = block.get(key)
        if figure is not None:
            if "parts" in figure:
                figure["parts"] = [frozen_node(RevenueFigure, part) for part in figure["parts"]]
            block[key] = frozen_node(RevenueFigure, figure)


def _rewrite(node: Any, **fields: Any) -> None:
    """Set fields of a node the builder made and has not handed out yet (a date re-read in the fiscal year)."""
    node.__dict__.update(fields)
    given = node.__pydantic_fields_set__
    if not given.issuperset(fields):
        object.__setattr__(node, "__pydantic_fields_set__", given | set(fields))
