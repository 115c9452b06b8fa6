"""Building the plan model from the parser's reductions, without a parse tree.

The transformer is handed to ``Lark(transformer=...)``, so each grammar rule
becomes a plain dict the moment it is reduced and no tree is ever built.
Positions are read from tokens (cheaper than ``propagate_positions``). Values
that parse but make no sense (an unknown role, ``2027-02-30``, a second
``owner``) are collected as PL002 diagnostics in :data:`STATE` rather than
raised, so one run reports all of them. The model is validated once, at the root, by the parser.
"""

from __future__ import annotations

import datetime as dt
import threading
from enum import Enum
from typing import Any, Callable, Collection, Iterable, Mapping, NamedTuple, Optional

from lark import Token, Transformer

from ..suggest import did_you_mean
from . import values
from ..model import (
    ActionStatus,
    Cadence,
    CompetitorPosition,
    Level,
    ObjectiveCategory,
    Quarter,
    Role,
    Source,
    Stance,
)

Span = dict[str, int]


class Stmt(NamedTuple):
    """A reduced statement: the field it sets and its value.

    ``span`` is the whole statement, so a repeated one can say where the
    first stood; ``value_span`` is where a text value stands, for the fields
    the model gives a ``<field>_span`` (``account``, ``owner``, ``title``).
    """

    tag: str
    value: Any
    span: Span
    value_span: Optional[Span] = None


Tagged = Stmt


class ParseState(threading.local):
    """Per-call scratch space: the parser object is shared, the results are not."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.problems: list[tuple[Span, str]] = []
        self.comments: list[dict[str, Any]] = []


STATE = ParseState()


def token_span(token: Token) -> Span:
    return {"line": token.line, "column": token.column, "end_line": token.end_line, "end_column": token.end_column}


def span_of(children: list[Any]) -> Span:
    """From the start of the first child to the end of the last one."""
    first, last = _edge(children, 0), _edge(list(reversed(children)), 0)
    return {"line": first["line"], "column": first["column"], "end_line": last["end_line"], "end_column": last["end_column"]}


def _edge(children: list[Any], _: int) -> Span:
    for child in children:
        if isinstance(child, Token):
            return token_span(child)
        if isinstance(child, dict) and "span" in child:
            return child["span"]
        if isinstance(child, tuple) and isinstance(child[1], dict) and "span" in child[1]:
            return child[1]["span"]
        if isinstance(child, list) and child:
            return _edge(child, 0)
    return {"line": 1, "column": 1, "end_line": 1, "end_column": 1}


def unquote(token: Token) -> str:
    text = str(token)[1:-1]
    if "\\" in text:
        text = text.replace('\\"', '"').replace("\\\\", "\\")
    return text


def problem(span: Span, message: str) -> None:
    STATE.problems.append((span, message))


def _checked(where: list[Any], read: Callable[..., Any], *args: str) -> Any:
    """``read(*args)``, or None and a PL002 at ``where`` when the value is impossible (win_rate 250%)."""
    try:
        return read(*args)
    except values.ValueProblem as error:
        problem(span_of(where), str(error))
        return None


def enum_value(enum: type[Enum], token: Token, what: str) -> Optional[str]:
    """The enum value named by ``token``, or a PL002 listing the valid ones."""
    word = str(token)
    valid = [member.value for member in enum]  # type: ignore[attr-defined]
    if word.lower() in valid:
        return word.lower()
    hint = did_you_mean(word, valid)
    problem(token_span(token), f"unknown {what} '{word}'{hint} (use one of: {', '.join(valid)})")
    return None


def _strings(children: Iterable[Any]) -> list[Token]:
    return [child for child in children if isinstance(child, Token) and child.type == "STRING"]


def _texts(tokens: list[Token]) -> list[dict[str, Any]]:
    return [{"text": unquote(token), "span": token_span(token)} for token in tokens]


def _tagged(children: Iterable[Any]) -> Iterable[Stmt]:
    """The statements among ``children``; a bare (tag, value) pair still counts, placed by its value."""
    for child in children:
        if isinstance(child, Stmt):
            yield child
        elif isinstance(child, tuple):
            yield Stmt(child[0], child[1], _edge([child], 0))


# How a field is named in a message when its tag is not the keyword the writer typed.
_WORDS = {"cycle_days": "cycle", "current_revenue": "current", "future_revenue": "future"}


def _gather(children: Iterable[Any], into: dict[str, Any], lists: Mapping[str, str] = {},
            merged: Collection[str] = ()) -> dict[str, Any]:
    """Put each statement's value into its field of ``into``.

    ``lists`` maps a repeatable statement to the list it appends to, and
    ``merged`` statements (``team``, ``supports``) add up; every other field
    takes one value. A single-valued statement given again is a PL002 naming
    the first one: letting the last silently win hides a plan's contradiction.
    """
    first: dict[str, Span] = {}
    for stmt in _tagged(children):
        if stmt.tag in lists:
            into.setdefault(lists[stmt.tag], []).append(stmt.value)
        elif stmt.tag in merged:
            into[stmt.tag] = into.get(stmt.tag, []) + stmt.value
        elif stmt.tag in first:
            problem(stmt.span, f"'{_WORDS.get(stmt.tag, stmt.tag)}' is given twice (first on line {first[stmt.tag]['line']})")
        else:
            first[stmt.tag] = stmt.span
            if stmt.value is not None:
                into[stmt.tag] = stmt.value
            if stmt.value_span is not None:
                into[f"{stmt.tag}_span"] = stmt.value_span
    return into


def _text_stmt(tag: str, children: list[Any]) -> Stmt:
    """A statement whose value is one quoted text, with the text's own span."""
    token = _strings(children)[0]
    return Stmt(tag, unquote(token), span_of(children), token_span(token))


def _period_start(start: Optional[dict[str, Any]]) -> Optional[dt.date]:
    """A period that starts at a quarter starts on its first day, not its last."""
    if start is None:
        return None
    quarter = start.get("quarter")
    return Quarter(**quarter).first_day if quarter else start["date"]


def _first_string(children: list[Any]) -> str:
    return unquote(_strings(children)[0])


STATEMENT_HOMES = {
    "customer": {"goal": "goals", "pressure": "pressures", "initiative": "initiatives", "obstacle": "obstacles", "fact": "facts"},
    "competitor": {"strength": "strengths", "weakness": "weaknesses", "fact": "facts"},
    "company": {"strength": "strengths", "reference": "references", "differentiator": "differentiators"},
    "stakeholder": {"note": "notes"},
}


def _place_statements(block: str, children: list[Any], into: dict[str, Any]) -> None:
    homes = STATEMENT_HOMES[block]
    for stmt in _tagged(children):
        if stmt.tag != "statement":
            continue
        payload = stmt.value
        field = homes.get(payload["kind"])
        if field is None:
            allowed = ", ".join(homes)
            problem(payload["span"], f"'{payload['kind']}' does not belong in a {block} block (use: {allowed})")
            continue
        into.setdefault(field, []).append(payload)


class PlanBuilder(Transformer):
    """One method per grammar rule; each returns a dict, a value, or a :class:`Stmt` for its block to gather."""

    # ------------------------------------------------------------ document
    def start(self, children: list[Any]) -> dict[str, Any]:
        return children[0]

    def plan(self, children: list[Any]) -> dict[str, Any]:
        plan: dict[str, Any] = {"kind": "plan", "name": _first_string(children), "span": span_of(children)}
        statements = [figure for stmt in _tagged(children) for figure in (stmt.value if stmt.tag == "revenue" else [stmt])]
        _gather(statements, plan, {"unit": "units", "stakeholder": "stakeholders", "objective": "objectives"}, ("team",))
        if "team" in plan:
            members = plan.pop("team")
            plan["team"], plan["team_spans"] = [m["text"] for m in members], [m["span"] for m in members]
        return plan

    def account(self, c: list[Any]) -> Tagged:
        return _text_stmt("account", c)

    def owner(self, c: list[Any]) -> Tagged:
        return _text_stmt("owner", c)

    def team(self, c: list[Any]) -> Tagged:
        return Stmt("team", _texts(c[1]), span_of(c))

    def strings(self, c: list[Any]) -> list[Token]:
        return _strings(c)

    def period(self, c: list[Any]) -> Tagged:
        start, end = _period_start(c[1]), c[3]["date"] if c[3] else None
        span = span_of(c)
        if start and end and end < start:
            problem(span, f"the plan period ends ({c[3]['text']}) before it starts ({c[1]['text']})")
        return Stmt("period", {"start": start, "end": end, "span": span}, span)

    def cadence(self, c: list[Any]) -> Tagged:
        return Stmt("cadence", enum_value(Cadence, c[1], "cadence"), span_of(c))

    def reviewed(self, c: list[Any]) -> Tagged:
        return Stmt("reviewed", c[1], span_of(c))

    def revenue(self, c: list[Any]) -> Tagged:
        """The figures, left for the plan to place (a repeated one is caught there)."""
        return Stmt("revenue", list(_tagged(c)), span_of(c))

    def figure(self, c: list[Any]) -> Tagged:
        when = str(c[0])
        figure: dict[str, Any] = {"span": span_of(c)}
        for child in c[1:]:
            if isinstance(child, dict):
                figure["amount"] = child
            else:
                figure["level"] = enum_value(Level, child, "revenue level")
        if len(c) == 1:
            problem(figure["span"], f"'{when}' needs an amount like $1.2M or a level (high, medium, low)")
        return Stmt(f"{when}_revenue", figure, figure["span"])

    # ------------------------------------------------------------ research
    def research(self, c: list[Any]) -> Tagged:
        research = _gather(c, {"span": span_of(c)}, {"competitor": "competitors"})
        return Stmt("research", research, research["span"])

    def customer(self, c: list[Any]) -> Tagged:
        customer: dict[str, Any] = {"span": span_of(c)}
        _place_statements("customer", c, customer)
        customer["questions"] = [stmt.value for stmt in _tagged(c) if stmt.tag == "question"]
        return Stmt("customer", customer, customer["span"])

    def competitor(self, c: list[Any]) -> Tagged:
        competitor: dict[str, Any] = {"name": _first_string(c), "span": span_of(c)}
        _place_statements("competitor", c, competitor)
        _gather((stmt for stmt in _tagged(c) if stmt.tag != "statement"), competitor)
        return Stmt("competitor", competitor, competitor["span"])

    def no_competitor(self, c: list[Any]) -> Tagged:
        span = span_of(c)
        return Stmt("no_competitor", {"reason": _first_string(c), "span": span}, span)

    def company(self, c: list[Any]) -> Tagged:
        company: dict[str, Any] = {"span": span_of(c)}
        _place_statements("company", c, company)
        return Stmt("company", company, company["span"])

    def statement(self, c: list[Any]) -> Tagged:
        statement: dict[str, Any] = {"kind": str(c[0]), "text": unquote(c[1]), "span": span_of(c)}
        if len(c) > 2:
            statement.update(c[2])
        return Stmt("statement", statement, statement["span"])

    def source(self, c: list[Any]) -> dict[str, Any]:
        token = c[1]
        if token.type == "STRING":
            return {"source_text": unquote(token)}
        return {"source": enum_value(Source, token, "source")}

    def question(self, c: list[Any]) -> Tagged:
        question = _gather(c, {"text": unquote(c[1]), "span": span_of(c)})
        return Stmt("question", question, question["span"])

    def ask(self, c: list[Any]) -> Tagged:
        return _text_stmt("ask", c)

    def how(self, c: list[Any]) -> Tagged:
        return _text_stmt("how", c)

    def position(self, c: list[Any]) -> Tagged:
        return Stmt("position", enum_value(CompetitorPosition, c[1], "competitor position"), span_of(c))

    # ------------------------------------------------------------ focus & people
    def unit(self, c: list[Any]) -> Tagged:
        unit = _gather(c, {"name": _first_string(c), "span": span_of(c)}, merged=("current", "potential", "white_space"))
        return Stmt("unit", unit, unit["span"])

    def unit_stmt(self, c: list[Any]) -> Tagged:
        return Stmt(str(c[0]), _texts(c[1]), span_of(c))

    def stakeholder(self, c: list[Any]) -> Tagged:
        person: dict[str, Any] = {"name": _first_string(c), "span": span_of(c)}
        _place_statements("stakeholder", c, person)
        _gather((stmt for stmt in _tagged(c) if stmt.tag != "statement"), person)
        return Stmt("stakeholder", person, person["span"])

    def title(self, c: list[Any]) -> Tagged:
        return _text_stmt("title", c)

    def role(self, c: list[Any]) -> Tagged:
        return Stmt("role", enum_value(Role, c[1], "role"), span_of(c))

    def influence(self, c: list[Any]) -> Tagged:
        return Stmt("influence", enum_value(Level, c[1], "influence"), span_of(c))

    def stance(self, c: list[Any]) -> Tagged:
        return Stmt("stance", enum_value(Stance, c[1], "stance"), span_of(c))

    # ------------------------------------------------------------ objectives
    def objective(self, c: list[Any]) -> Tagged:
        category = enum_value(ObjectiveCategory, c[1], "objective category") or ObjectiveCategory.revenue.value
        objective: dict[str, Any] = {"category": category, "name": unquote(c[2]), "span": span_of(c)}
        _gather(c, objective, {"strategy": "strategies"}, ("supports", "people"))
        return Stmt("objective", objective, objective["span"])

    def metric(self, c: list[Any]) -> Tagged:
        return _text_stmt("metric", c)

    def target(self, c: list[Any]) -> Tagged:
        target: dict[str, Any] = {"span": span_of(c)}
        for child in c[1:]:
            if isinstance(child, Stmt):
                target["by"] = child.value
            elif isinstance(child, dict):
                target["value"] = child
        if len(c) == 1:
            problem(target["span"], "'target' needs a number, like target $500k by 2027-06-30")
        return Stmt("target", target, target["span"])

    def by(self, c: list[Any]) -> Tagged:
        return Stmt("by", c[1], span_of(c))

    def quantity(self, c: list[Any]) -> dict[str, Any]:
        first = c[0]
        if isinstance(first, dict):
            return first
        span = span_of(c)
        if first.type == "PERCENT":
            return {"value": values.percent(first), "text": str(first), "span": span}
        unit = str(c[1]) if len(c) > 1 else ""
        return {"value": values.number(first), "unit": unit, "text": " ".join(str(t) for t in c), "span": span}

    def supports(self, c: list[Any]) -> Tagged:
        return Stmt("supports", _texts(c[1]), span_of(c))

    def objective_unit(self, c: list[Any]) -> Tagged:
        return Stmt("unit", _first_string(c), span_of(c))

    def people(self, c: list[Any]) -> Tagged:
        return Stmt("people", _texts(c[1]), span_of(c))

    def strategy(self, c: list[Any]) -> Tagged:
        span = span_of(c)
        actions = [stmt.value for stmt in _tagged(c) if stmt.tag == "action"]
        return Stmt("strategy", {"name": _first_string(c), "actions": actions, "span": span}, span)

    def action(self, c: list[Any]) -> Tagged:
        action = _gather(c, {"text": unquote(c[1]), "span": span_of(c)})
        return Stmt("action", action, action["span"])

    def action_owner(self, c: list[Any]) -> Tagged:
        return _text_stmt("owner", c)

    def due(self, c: list[Any]) -> Tagged:
        return Stmt("due", c[1], span_of(c))

    def status(self, c: list[Any]) -> Tagged:
        return Stmt("status", enum_value(ActionStatus, c[-1], "action status"), span_of(c))

    # ------------------------------------------------------------ pipeline
    def pipeline(self, c: list[Any]) -> Tagged:
        pipeline = _gather(c, {"span": span_of(c)})
        return Stmt("pipeline", pipeline, pipeline["span"])

    def deals(self, c: list[Any]) -> Tagged:
        return Stmt("deals", _checked(c[1:], values.deal_count, str(c[1])), span_of(c))

    def average(self, c: list[Any]) -> Tagged:
        return Stmt("average", c[1], span_of(c))

    def win_rate(self, c: list[Any]) -> Tagged:
        token = c[1]
        return Stmt("win_rate", {"value": _checked(c[1:], values.win_rate, str(token)), "text": str(token), "span": token_span(token)}, span_of(c))

    def cycle(self, c: list[Any]) -> Tagged:
        unit = str(c[2]) if len(c) > 2 else ""
        if unit and unit.lower() not in values.CYCLE_UNITS:
            problem(token_span(c[2]), f"unknown unit '{c[2]}' for the sales cycle (use days, weeks or months)")
            unit = ""
        return Stmt("cycle_days", _checked(c[1:], values.cycle_days, str(c[1]), unit), span_of(c))

    # ------------------------------------------------------------ portfolio
    def portfolio(self, c: list[Any]) -> dict[str, Any]:
        return _gather(c, {"kind": "portfolio", "name": _first_string(c), "span": span_of(c)}, {"account": "accounts"})

    def high_current(self, c: list[Any]) -> Tagged:
        return Stmt("high_current", c[1], span_of(c))

    def high_future(self, c: list[Any]) -> Tagged:
        return Stmt("high_future", c[1], span_of(c))

    def account_entry(self, c: list[Any]) -> Tagged:
        account = _gather(c, {"name": _first_string(c), "span": span_of(c)})
        return Stmt("account", account, account["span"])

    def plan_ref(self, c: list[Any]) -> Tagged:
        return Stmt("plan", _first_string(c), span_of(c))

    # ------------------------------------------------------------ values
    def date(self, c: list[Any]) -> Optional[dict[str, Any]]:
        token = c[0]
        span = token_span(token)
        try:
            if token.type == "QUARTER":
                year, number, last = values.quarter(token)
                return {"date": last, "quarter": {"year": year, "quarter": number}, "text": str(token), "span": span}
            return {"date": values.iso_date(token), "text": str(token), "span": span}
        except values.ValueProblem as error:
            problem(span, str(error))
            return None

    def money(self, c: list[Any]) -> dict[str, Any]:
        token = c[0]
        amount, currency = values.money(token)
        return {"amount": amount, "currency": currency, "text": str(token), "span": token_span(token)}
