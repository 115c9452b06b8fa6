"""Builder rules for the research blocks, the units, and the people: stakeholders and other parties."""

from __future__ import annotations

from typing import Any, Optional

from lark import Token

from .build_base import BuilderBase, Stmt, span, statements, text_of, text_stmt, token_span, unquote
from ..frozen import frozen_node
from ..model import (CompanyResearch, Competitor, CustomerResearch, NoCompetitor, Party, Question, Research, Stakeholder,
                     Statement, Unit)
from ..vocabulary import CompetitorPosition, Level, PartyKind, Role, Source, Stance


class PeopleBuilder(BuilderBase):
    # ------------------------------------------------------------ research
    def research(self, keyword: Token, _open: Token, *body: Any) -> Stmt:
        where = span(keyword, *body)
        research = frozen_node(Research, self.gather(body, {"span": where}, {"competitor": "competitors"}))
        return Stmt("research", research, where)

    def customer(self, keyword: Token, _open: Token, *body: Any) -> Stmt:
        customer: dict[str, Any] = {"span": span(keyword, *body)}
        others = self.place_statements("customer", body, customer)
        customer["questions"] = [stmt.value for stmt in others if stmt.tag == "question"]
        return Stmt("customer", frozen_node(CustomerResearch, customer), customer["span"])

    def competitor(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        competitor: dict[str, Any] = {"name": unquote(name), "span": span(keyword, *body)}
        others = self.place_statements("competitor", body, competitor)
        units = [text for stmt in others if stmt.tag == "unit" for text in stmt.value]
        self.gather((stmt for stmt in others if stmt.tag != "unit"), competitor)
        if units:
            competitor["units"] = units
        return Stmt("competitor", frozen_node(Competitor, competitor), competitor["span"])

    def no_competitor(self, keyword: Token, reason: Token) -> Stmt:
        where = span(keyword, reason)
        return Stmt("no_competitor", frozen_node(NoCompetitor, {"reason": unquote(reason), "span": where}), where)

    def company(self, keyword: Token, _open: Token, *body: Any) -> Stmt:
        company: dict[str, Any] = {"span": span(keyword, *body)}
        self.place_statements("company", body, company)
        return Stmt("company", frozen_node(CompanyResearch, company), company["span"])

    def statement(self, kind: Token, text: Token, source: Optional[dict[str, Any]]) -> Stmt:
        statement: dict[str, Any] = {"kind": str(kind), "text": unquote(text), "span": span(kind, text, source)}
        if source:
            statement.update(source)
        return Stmt("statement", frozen_node(Statement, statement), statement["span"])

    def source(self, keyword: Token, value: Token) -> dict[str, Any]:
        if value.type == "STRING":
            return {"source_text": unquote(value)}
        return {"source": self.choice(Source, value, "source")}

    def question(self, keyword: Token, text: Token, *parts: Stmt) -> Stmt:
        question = self.gather(parts, {"text": unquote(text), "span": span(keyword, text, *parts)})
        return Stmt("question", frozen_node(Question, question), question["span"])

    def ask(self, keyword: Token, who: Token) -> Stmt:
        return text_stmt("ask", keyword, who)

    def how(self, keyword: Token, text: Token) -> Stmt:
        return text_stmt("how", keyword, text)

    def position(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("position", self.choice(CompetitorPosition, value, "competitor position"), span(keyword, value))

    # ------------------------------------------------------------ focus
    def unit(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        unit = self.gather(body, {"name": unquote(name), "span": span(keyword, *body)}, merged=("current", "potential", "white_space"))
        return Stmt("unit", frozen_node(Unit, unit), unit["span"])

    def unit_stmt(self, kind: Token, names: list[Token]) -> Stmt:
        return Stmt(str(kind), [text_of(token) for token in names], span(kind, names))

    def unit_ref(self, keyword: Token, names: list[Token]) -> Stmt:
        """`unit "A", "B"` in an objective, an opportunity or a competitor: the units it concerns."""
        return Stmt("unit", [text_of(token) for token in names], span(keyword, names))

    # ------------------------------------------------------------ people
    def stakeholder(self, keyword: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        person: dict[str, Any] = {"name": unquote(name), "span": span(keyword, *body)}
        self.gather(self.place_statements("stakeholder", body, person), person)
        return Stmt("stakeholder", frozen_node(Stakeholder, person), person["span"])

    def party(self, keyword: Token, kind: Token, name: Token, _open: Token, *body: Any) -> Stmt:
        party: dict[str, Any] = {"name": unquote(name), "span": span(keyword, *body)}
        party["kind"] = self.choice(PartyKind, kind, "kind of party")
        self.gather(self.place_statements("party", body, party), party)
        return Stmt("party", frozen_node(Party, party), party["span"])

    def title(self, keyword: Token, value: Token) -> Stmt:
        return text_stmt("title", keyword, value)

    def role(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("role", self.choice(Role, value, "role"), span(keyword, value))

    def influence(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("influence", self.choice(Level, value, "influence"), span(keyword, value))

    def stance(self, keyword: Token, value: Token) -> Stmt:
        return Stmt("stance", self.choice(Stance, value, "stance"), span(keyword, value))

    def reports_to(self, keyword: Token, value: Token) -> Stmt:
        return text_stmt("reports_to", keyword, value)

    def last_contact(self, keyword: Token, value: Optional[dict[str, Any]]) -> Stmt:
        return Stmt("last_contact", value, span(keyword, value))

    def owner(self, keyword: Token, value: Token) -> Stmt:
        return text_stmt("owner", keyword, value)

    def strings(self, *children: Token) -> list[Token]:
        return [child for child in children if child.type == "STRING"]

    def account(self, keyword: Token, value: Token) -> Stmt:
        return text_stmt("account", keyword, value)

    def team(self, keyword: Token, names: list[Token]) -> Stmt:
        return Stmt("team", [text_of(token) for token in names], span(keyword, names))

    def supports(self, keyword: Token, names: list[Token]) -> Stmt:
        return Stmt("supports", [text_of(token) for token in names], span(keyword, names))

    def people(self, keyword: Token, names: list[Token]) -> Stmt:
        return Stmt("people", [text_of(token) for token in names], span(keyword, names))


__all__ = ["PeopleBuilder", "statements"]
