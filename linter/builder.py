"""Building the plan model from the parser's reductions, without a parse tree.

The transformer is handed to ``Lark(transformer=...)``, so each grammar rule
becomes a plain dict the moment it is reduced and no tree is ever built.
Positions are read from tokens (cheaper than ``propagate_positions``). Values
that parse but make no sense (an unknown role, ``2027-02-30``) are collected
as PL002 diagnostics in :data:`STATE` rather than raised, so one run reports
all of them. The model is validated once, at the root, by the parser.
"""

from __future__ import annotations

import difflib
import threading
from enum import Enum
from typing import Any, Iterable, Optional

from lark import Token, Transformer

from . import values
from .model import (
    ActionStatus,
    Cadence,
    CompetitorPosition,
    Level,
    ObjectiveCategory,
    Role,
    Source,
    Stance,
)

Span = dict[str, int]
Tagged = tuple[str, Any]


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


def enum_value(enum: type[Enum], token: Token, what: str) -> Optional[str]:
    """The enum value named by ``token``, or a PL002 listing the valid ones."""
    word = str(token)
    valid = [member.value for member in enum]  # type: ignore[attr-defined]
    if word.lower() in valid:
        return word.lower()
    close = difflib.get_close_matches(word.lower(), valid, n=1, cutoff=0.6)
    hint = f" — did you mean '{close[0]}'?" if close else ""
    problem(token_span(token), f"unknown {what} '{word}'{hint} (use one of: {', '.join(valid)})")
    return None


def _strings(children: Iterable[Any]) -> list[Token]:
    return [child for child in children if isinstance(child, Token) and child.type == "STRING"]


def _texts(tokens: list[Token]) -> list[dict[str, Any]]:
    return [{"text": unquote(token), "span": token_span(token)} for token in tokens]


def _tagged(children: Iterable[Any]) -> Iterable[Tagged]:
    return (child for child in children if isinstance(child, tuple))


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
    for tag, payload in _tagged(children):
        if tag != "statement":
            continue
        field = homes.get(payload["kind"])
        if field is None:
            allowed = ", ".join(homes)
            problem(payload["span"], f"'{payload['kind']}' does not belong in a {block} block (use: {allowed})")
            continue
        into.setdefault(field, []).append(payload)


class PlanBuilder(Transformer):
    """One method per grammar rule; each returns a dict or a (tag, dict) pair."""

    # ------------------------------------------------------------ document
    def start(self, children: list[Any]) -> dict[str, Any]:
        return children[0]

    def plan(self, children: list[Any]) -> dict[str, Any]:
        plan: dict[str, Any] = {"kind": "plan", "name": _first_string(children), "span": span_of(children)}
        lists = {"unit": "units", "stakeholder": "stakeholders", "objective": "objectives"}
        for tag, payload in _tagged(children):
            if tag in lists:
                plan.setdefault(lists[tag], []).append(payload)
            elif tag == "revenue":
                plan.update(payload)
            elif tag == "team":
                plan["team"] = plan.get("team", []) + payload
            else:
                plan[tag] = payload
        return plan

    def account(self, c: list[Any]) -> Tagged:
        return ("account", _first_string(c))

    def owner(self, c: list[Any]) -> Tagged:
        return ("owner", _first_string(c))

    def team(self, c: list[Any]) -> Tagged:
        return ("team", [unquote(t) for t in c[1]])

    def strings(self, c: list[Any]) -> list[Token]:
        return _strings(c)

    def period(self, c: list[Any]) -> Tagged:
        start, end = c[1], c[3]
        span = span_of(c)
        if start and end and end["date"] < start["date"]:
            problem(span, f"the plan period ends ({end['text']}) before it starts ({start['text']})")
        return ("period", {"start": start["date"] if start else None, "end": end["date"] if end else None, "span": span})

    def cadence(self, c: list[Any]) -> Tagged:
        return ("cadence", enum_value(Cadence, c[1], "cadence"))

    def reviewed(self, c: list[Any]) -> Tagged:
        return ("reviewed", c[1])

    def revenue(self, c: list[Any]) -> Tagged:
        figures = {}
        for when, figure in (child for child in c if isinstance(child, tuple)):
            figures[f"{when}_revenue"] = figure
        return ("revenue", figures)

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
        return (when, figure)

    # ------------------------------------------------------------ research
    def research(self, c: list[Any]) -> Tagged:
        research: dict[str, Any] = {"span": span_of(c)}
        for tag, payload in _tagged(c):
            if tag == "competitor":
                research.setdefault("competitors", []).append(payload)
            else:
                research[tag] = payload
        return ("research", research)

    def customer(self, c: list[Any]) -> Tagged:
        customer: dict[str, Any] = {"span": span_of(c)}
        _place_statements("customer", c, customer)
        customer["questions"] = [payload for tag, payload in _tagged(c) if tag == "question"]
        return ("customer", customer)

    def competitor(self, c: list[Any]) -> Tagged:
        competitor: dict[str, Any] = {"name": _first_string(c), "span": span_of(c)}
        _place_statements("competitor", c, competitor)
        for tag, payload in _tagged(c):
            if tag == "position":
                competitor["position"] = payload
        return ("competitor", competitor)

    def no_competitor(self, c: list[Any]) -> Tagged:
        return ("no_competitor", {"reason": _first_string(c), "span": span_of(c)})

    def company(self, c: list[Any]) -> Tagged:
        company: dict[str, Any] = {"span": span_of(c)}
        _place_statements("company", c, company)
        return ("company", company)

    def statement(self, c: list[Any]) -> Tagged:
        statement: dict[str, Any] = {"kind": str(c[0]), "text": unquote(c[1]), "span": span_of(c)}
        if len(c) > 2:
            statement.update(c[2])
        return ("statement", statement)

    def source(self, c: list[Any]) -> dict[str, Any]:
        token = c[1]
        if token.type == "STRING":
            return {"source_text": unquote(token)}
        return {"source": enum_value(Source, token, "source")}

    def question(self, c: list[Any]) -> Tagged:
        question: dict[str, Any] = {"text": unquote(c[1]), "span": span_of(c)}
        for tag, payload in _tagged(c):
            question[tag] = payload
        return ("question", question)

    def ask(self, c: list[Any]) -> Tagged:
        return ("ask", _first_string(c))

    def how(self, c: list[Any]) -> Tagged:
        return ("how", _first_string(c))

    def position(self, c: list[Any]) -> Tagged:
        return ("position", enum_value(CompetitorPosition, c[1], "competitor position"))

    # ------------------------------------------------------------ focus & people
    def unit(self, c: list[Any]) -> Tagged:
        unit: dict[str, Any] = {"name": _first_string(c), "span": span_of(c)}
        for tag, payload in _tagged(c):
            unit[tag] = unit.get(tag, []) + payload
        return ("unit", unit)

    def unit_stmt(self, c: list[Any]) -> Tagged:
        return (str(c[0]), _texts(c[1]))

    def stakeholder(self, c: list[Any]) -> Tagged:
        person: dict[str, Any] = {"name": _first_string(c), "span": span_of(c)}
        _place_statements("stakeholder", c, person)
        for tag, payload in _tagged(c):
            if tag != "statement":
                person[tag] = payload
        return ("stakeholder", person)

    def title(self, c: list[Any]) -> Tagged:
        return ("title", _first_string(c))

    def role(self, c: list[Any]) -> Tagged:
        return ("role", enum_value(Role, c[1], "role"))

    def influence(self, c: list[Any]) -> Tagged:
        return ("influence", enum_value(Level, c[1], "influence"))

    def stance(self, c: list[Any]) -> Tagged:
        return ("stance", enum_value(Stance, c[1], "stance"))

    # ------------------------------------------------------------ objectives
    def objective(self, c: list[Any]) -> Tagged:
        category = enum_value(ObjectiveCategory, c[1], "objective category") or ObjectiveCategory.revenue.value
        objective: dict[str, Any] = {"category": category, "name": unquote(c[2]), "span": span_of(c)}
        for tag, payload in _tagged(c):
            if tag == "strategy":
                objective.setdefault("strategies", []).append(payload)
            elif tag in ("supports", "people"):
                objective[tag] = objective.get(tag, []) + payload
            else:
                objective[tag] = payload
        return ("objective", objective)

    def metric(self, c: list[Any]) -> Tagged:
        return ("metric", _first_string(c))

    def target(self, c: list[Any]) -> Tagged:
        target: dict[str, Any] = {"span": span_of(c)}
        for child in c[1:]:
            if isinstance(child, tuple):
                target["by"] = child[1]
            elif isinstance(child, dict):
                target["value"] = child
        if len(c) == 1:
            problem(target["span"], "'target' needs a number, like target $500k by 2027-06-30")
        return ("target", target)

    def by(self, c: list[Any]) -> Tagged:
        return ("by", c[1])

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
        return ("supports", _texts(c[1]))

    def objective_unit(self, c: list[Any]) -> Tagged:
        return ("unit", _first_string(c))

    def people(self, c: list[Any]) -> Tagged:
        return ("people", _texts(c[1]))

    def strategy(self, c: list[Any]) -> Tagged:
        actions = [payload for tag, payload in _tagged(c) if tag == "action"]
        return ("strategy", {"name": _first_string(c), "actions": actions, "span": span_of(c)})

    def action(self, c: list[Any]) -> Tagged:
        action: dict[str, Any] = {"text": unquote(c[1]), "span": span_of(c)}
        for tag, payload in _tagged(c):
            if payload is not None:
                action[tag] = payload
        return ("action", action)

    def action_owner(self, c: list[Any]) -> Tagged:
        return ("owner", _first_string(c))

    def due(self, c: list[Any]) -> Tagged:
        return ("due", c[1])

    def status(self, c: list[Any]) -> Tagged:
        return ("status", enum_value(ActionStatus, c[-1], "action status"))

    # ------------------------------------------------------------ pipeline
    def pipeline(self, c: list[Any]) -> Tagged:
        pipeline: dict[str, Any] = {"span": span_of(c)}
        for tag, payload in _tagged(c):
            pipeline[tag] = payload
        return ("pipeline", pipeline)

    def deals(self, c: list[Any]) -> Tagged:
        return ("deals", int(values.number(c[1])))

    def average(self, c: list[Any]) -> Tagged:
        return ("average", c[1])

    def win_rate(self, c: list[Any]) -> Tagged:
        token = c[1]
        return ("win_rate", {"value": values.percent(token), "text": str(token), "span": token_span(token)})

    def cycle(self, c: list[Any]) -> Tagged:
        days = values.number(c[1])
        if len(c) > 2:
            unit = str(c[2]).lower()
            if unit not in values.CYCLE_UNITS:
                problem(token_span(c[2]), f"unknown unit '{c[2]}' for the sales cycle (use days, weeks or months)")
            days *= values.CYCLE_UNITS.get(unit, 1)
        return ("cycle_days", int(round(days)))

    # ------------------------------------------------------------ portfolio
    def portfolio(self, c: list[Any]) -> dict[str, Any]:
        portfolio: dict[str, Any] = {"kind": "portfolio", "name": _first_string(c), "span": span_of(c)}
        for tag, payload in _tagged(c):
            if tag == "account":
                portfolio.setdefault("accounts", []).append(payload)
            else:
                portfolio[tag] = payload
        return portfolio

    def high_current(self, c: list[Any]) -> Tagged:
        return ("high_current", c[1])

    def high_future(self, c: list[Any]) -> Tagged:
        return ("high_future", c[1])

    def account_entry(self, c: list[Any]) -> Tagged:
        account: dict[str, Any] = {"name": _first_string(c), "span": span_of(c)}
        for tag, payload in _tagged(c):
            account[f"{tag}_revenue" if tag in ("current", "future") else tag] = payload
        return ("account", account)

    def plan_ref(self, c: list[Any]) -> Tagged:
        return ("plan", _first_string(c))

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
