"""Deterministic account plans for the benchmark: realistic, varied, and sometimes wrong.

Each plan is 150-300 lines and uses every construct of the language: the
header (account, owner, team, period, cadence, reviewed, revenue), research
on the customer (goals, pressures, initiatives, obstacles, facts with
sources, open questions with ask/how), competitors (or ``no_competitor``)
and our company, plan units with current/potential/white-space lists,
stakeholders, objectives of every category with metric, target (money,
percentage, count; by a date or a quarter), supports, unit, with,
strategies and actions (owner, due, status), the pipeline, comments and
suppression comments. About one plan in twenty has a syntax or value error,
and about a third are "forms" (placeholders, vague objectives, missing
owners), so every rule and the error path get exercised.

The same ``(index, seed)`` always gives the same bytes: figures measured on
one machine can be reproduced on another.

    python bench/generate.py OUT_DIR --count 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Callable

MIN_LINES, MAX_LINES = 150, 300
ERROR_EVERY = 20  # one plan in twenty cannot be read

COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell",
             "Cyberdyne", "Wonka", "Oscorp", "Massive Dynamic", "Aperture", "Pied Piper", "Dunder Mifflin", "Monarch"]
SUFFIXES = ["Corp", "Industries", "Group", "Holdings", "Logistics", "Foods", "Energy", "Health", "Retail", "Systems"]
FIRST = ["Jane", "Raj", "Li", "Sam", "Mary", "David", "Tom", "Anna", "Eric", "Priya", "Omar", "Chen", "Lucia", "Kwame",
         "Sofia", "Ivan", "Aiko", "Noah", "Fatima", "Lars", "Mei", "Diego", "Ingrid", "Yusuf"]
LAST = ["Doe", "Patel", "Wei", "Okafor", "Chen", "Park", "Reyes", "Schultz", "Blanc", "Nair", "Haddad", "Rossi",
        "Mensah", "Garcia", "Petrov", "Tanaka", "Berg", "Lopez", "Jensen", "Kaya", "Silva", "Novak"]
TITLES = ["CFO", "CIO", "CTO", "COO", "VP Operations", "Head of Procurement", "Head of Logistics", "IT Director",
          "Plant Manager", "VP Finance", "Chief Digital Officer", "Head of Supply Chain", "Data Platform Lead"]
ROLES = ["economic_buyer", "decision_maker", "champion", "sponsor", "influencer", "user", "technical_buyer",
         "gatekeeper", "blocker"]
LEVELS = ["high", "medium", "low"]
STANCES = ["supporter", "neutral", "opponent", "unknown"]
SOURCES = ["crm", "account_team", "customer", "external"]
POSITIONS = ["incumbent", "challenger", "niche", "internal", "unknown"]
CADENCES = ["weekly", "biweekly", "monthly", "quarterly", "semiannual", "annual"]
STATUSES = ["open", "in_progress", "done", "blocked", "cancelled"]
CATEGORIES = ["revenue", "business_development", "marketing", "relationship", "partnering", "research",
              "customer_success"]
UNITS = ["Manufacturing", "Logistics", "Retail", "Finance", "Field Service", "Research", "Supply Chain", "Marketing",
         "Customer Care", "Procurement", "Healthcare", "Energy Trading"]
OFFERINGS = ["ERP consolidation", "Analytics", "Fleet telematics", "Predictive maintenance", "Data platform",
             "Warehouse analytics", "Field service", "Security operations", "Cloud migration", "Demand forecasting",
             "Billing platform", "Customer portal"]
TOPICS = ["operating cost", "EBITDA margin", "time to market", "inventory turns", "unplanned downtime",
          "customer churn", "days sales outstanding", "carbon emissions", "on-time delivery", "support backlog"]
PLACEHOLDERS = ["TBD", "TODO", "???", "{{customer_goal}}", "...", "N/A"]
VAGUE = ["Grow the relationship", "Increase revenue", "Expand footprint", "Leverage synergies", "Touch base"]


class PlanWriter:
    """Builds one plan line by line, so the length can be steered into 150-300 lines."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.index = index
        self.lines: list[str] = []
        self.form = rng.random() < 0.33  # a plan filled in for compliance, not used
        self.year = 2026 + index % 3
        self.company = f"{rng.choice(COMPANIES)} {rng.choice(SUFFIXES)}"
        self.team = rng.sample([f"{f} {l}" for f in FIRST[:8] for l in LAST[:6]], 4)
        self.people: list[str] = []
        self.goals: list[str] = []
        self.units = rng.sample(UNITS, rng.randint(2, 4))

    # ------------------------------------------------------------------ helpers

    def add(self, depth: int, text: str) -> None:
        self.lines.append("  " * depth + text)

    def text(self, words: str) -> str:
        if self.form and self.rng.random() < 0.15:
            return f'"{self.rng.choice(PLACEHOLDERS)}"'
        return '"' + words.replace('"', "'") + '"'

    def date(self) -> str:
        if self.rng.random() < 0.2:
            return f"Q{self.rng.randint(1, 4)} {self.year}"
        return f"{self.year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    def money(self) -> str:
        rng = self.rng
        style = rng.randrange(4)
        if style == 0:
            return f"${rng.randint(50, 950)}k"
        if style == 1:
            return f"${rng.randint(1, 9)}.{rng.randint(0, 9)}M"
        if style == 2:
            return f"EUR {rng.randint(10, 990)},{rng.randint(0, 999):03d}"
        return f"GBP {rng.randint(20, 500)}k"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def source(self) -> str:
        if self.form and self.rng.random() < 0.5:
            return ""
        if self.rng.random() < 0.25:
            return f' source "FY{self.year - 1} annual report"'
        return f" source {self.rng.choice(SOURCES)}"

    # ------------------------------------------------------------------ sections

    def header(self) -> None:
        rng, y = self.rng, self.year
        self.add(0, f"# Account plan {self.index} for {self.company}, FY{y}. Generated for the planlint benchmark.")
        self.add(0, f'plan "{self.company} FY{y}" {{')
        self.add(1, f'account "{self.company}"')
        self.add(1, f'owner "{self.team[0]}"')
        self.add(1, "team " + ", ".join(f'"{name}"' for name in self.team[1:]))
        self.add(1, f"period {y}-01-01 to {y}-12-31")
        self.add(1, f"cadence {rng.choice(CADENCES)}")
        self.add(1, f"reviewed {y}-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}")
        self.add(1, f"revenue current {self.money()} {rng.choice(LEVELS)}, future {self.money()} {rng.choice(LEVELS)}")
        self.add(0, "")

    def research(self) -> None:
        rng = self.rng
        self.add(1, "research {")
        self.add(2, "customer {")
        for kind in ("goal", "pressure", "initiative", "obstacle", "fact"):
            for _ in range(rng.randint(1, 4)):
                topic, number = rng.choice(TOPICS), rng.randint(3, 30)
                words = {
                    "goal": f"Cut {topic} by {number}% by FY{self.year + 2}",
                    "pressure": f"New entrants are pushing {topic} up {number}% in the EU market",
                    "initiative": f"{rng.choice(OFFERINGS)} programme led by the {rng.choice(TITLES)}",
                    "obstacle": f"No internal team for {rng.choice(OFFERINGS).lower()} before Q{rng.randint(1, 4)}",
                    "fact": f"{rng.choice(UNITS)} spent {self.money()} on {rng.choice(OFFERINGS).lower()} last year",
                }[kind]
                if kind == "goal":
                    self.goals.append(words)
                self.add(3, f"{kind} {self.text(words)}{self.source()}")
        for _ in range(rng.randint(0 if self.form else 1, 3)):
            ask = f' ask "{self.person()}"' if rng.random() < 0.8 else ""
            how = f' how "{rng.choice(["Ask in the QBR", "Check the annual report", "Call the plant manager"])}"' \
                if rng.random() < 0.4 else ""
            self.add(3, f'question "Who owns the {rng.choice(TOPICS)} budget next year?"{ask}{how}')
        self.add(2, "}")
        if self.form and rng.random() < 0.3:
            self.add(2, f'no_competitor "Sole-source framework agreement until {self.year + 1}"')
        else:
            for _ in range(rng.randint(1, 3)):
                self.add(2, f'competitor "{rng.choice(COMPANIES)} {rng.choice(SUFFIXES)}" {{')
                self.add(3, f"position {rng.choice(POSITIONS)}")
                for _ in range(rng.randint(1, 3)):
                    self.add(3, f"strength {self.text(f'Installed in {rng.randint(1, 5)} divisions since {self.year - rng.randint(1, 9)}')}")
                for _ in range(rng.randint(1, 2)):
                    self.add(3, f"weakness {self.text(f'{rng.randint(2, 9)} support escalations in {self.year - 1}')}{self.source()}")
                self.add(2, "}")
        self.add(2, "company {")
        self.add(3, f"strength {self.text(f'{rng.randint(2, 6)} {rng.choice(OFFERINGS).lower()} references in {rng.choice(UNITS).lower()}')}")
        self.add(3, f'reference "{rng.choice(COMPANIES)}: {rng.choice(TOPICS)} down {rng.randint(5, 25)}% in {rng.randint(6, 18)} months"{self.source()}')
        self.add(3, f'differentiator "Fixed-price {rng.choice(OFFERINGS).lower()} with our partner network"')
        self.add(2, "}")
        self.add(1, "}")
        self.add(0, "")

    def unit(self, name: str) -> None:
        rng = self.rng
        self.add(1, f'unit "{name}" {{')
        offers = rng.sample(OFFERINGS, 5)
        self.add(2, f'current "{offers[0]}", "{offers[1]}"')
        if rng.random() < 0.6:
            self.add(2, f'potential "{offers[2]}"')
        self.add(2, f'white_space "{offers[3]}", "{offers[4]}"')
        self.add(1, "}")

    def stakeholder(self) -> None:
        rng = self.rng
        name = self.person()
        self.people.append(name)
        self.add(1, f'stakeholder "{name}" {{')
        self.add(2, f"title {self.text(rng.choice(TITLES))}")
        if not (self.form and rng.random() < 0.4):
            self.add(2, f"role {rng.choice(ROLES)}")
            self.add(2, f"influence {rng.choice(LEVELS)}")
            self.add(2, f"stance {rng.choice(STANCES)}")
            self.add(2, f'owner "{rng.choice(self.team)}"')
        if rng.random() < 0.3:
            self.add(2, f'note "Measured on {rng.choice(TOPICS)}"')
        self.add(1, "}")

    def objective(self) -> None:
        rng = self.rng
        category = rng.choice(CATEGORIES)
        vague = self.form and rng.random() < 0.5
        title = rng.choice(VAGUE) if vague else f"{rng.choice(['Win', 'Expand', 'Qualify', 'Prove', 'Renew'])} " \
            f"{rng.choice(OFFERINGS).lower()} in {rng.choice(self.units)}"
        if rng.random() < 0.1:
            self.add(1, f"# planlint: ignore[PL201] -- target agreed verbally with the {rng.choice(TITLES)}")
        self.add(1, f'objective {category} "{title}" {{')
        if not vague:
            self.add(2, f'metric "{rng.choice(["Signed contract value", "Qualified opportunities", "Downtime reduction", "Stance in QBR"])}"')
            quantity = rng.choice([self.money(), f"{rng.randint(5, 40)}%", f"{rng.randint(1, 9)} opportunities", "3"])
            self.add(2, f"target {quantity} by {self.date()}")
            if self.goals:
                self.add(2, f'supports "{rng.choice(self.goals)}"')
            self.add(2, f'unit "{rng.choice(self.units)}"')
            if self.people:
                chosen = rng.sample(self.people, min(len(self.people), rng.randint(1, 2)))
                self.add(2, "with " + ", ".join(f'"{name}"' for name in chosen))
        for _ in range(rng.randint(1, 2)):
            self.add(2, f'strategy "{rng.choice(["Position", "Prove", "Land"])} with {rng.choice(OFFERINGS).lower()} proof" {{')
            for _ in range(rng.randint(1, 4)):
                parts = [f'action "{rng.choice(["Executive briefing", "Reference call", "Workshop", "Proposal review"])} '
                         f'on {rng.choice(TOPICS)}"']
                if not (self.form and rng.random() < 0.5):
                    parts.append(f'owner "{rng.choice(self.team)}"')
                    parts.append(f"due {self.date()}")
                roll = rng.random()
                if roll < 0.2:
                    parts.append("done")
                elif roll < 0.35:
                    parts.append(f"status {rng.choice(STATUSES)}")
                self.add(3, " ".join(parts))
            self.add(2, "}")
        self.add(1, "}")

    def pipeline(self) -> None:
        rng = self.rng
        self.add(1, "pipeline {")
        self.add(2, f"deals {rng.randint(2, 20)}")
        self.add(2, f"average {self.money()}")
        self.add(2, f"win_rate {rng.randint(10, 60)}%")
        self.add(2, f"cycle {rng.randint(2, 12)} months")
        self.add(1, "}")

    # ------------------------------------------------------------------ the whole plan

    def write(self) -> str:
        target = self.rng.randint(MIN_LINES, MAX_LINES)
        self.header()
        self.research()
        for name in self.units:
            self.unit(name)
        self.add(0, "")
        steps: list[Callable[[], None]] = [self.stakeholder, self.stakeholder, self.objective]
        with_pipeline = self.rng.random() < 0.8
        room = 8 if with_pipeline else 1  # the pipeline and the closing brace
        turn = 0
        while True:
            mark = len(self.lines)
            steps[turn % len(steps)]()
            turn += 1
            if len(self.lines) + room > target:
                if len(self.lines) + room > MAX_LINES or mark + room >= MIN_LINES:
                    del self.lines[mark:]
                if len(self.lines) + room >= MIN_LINES:
                    break
        if with_pipeline:
            self.add(0, "")
            self.pipeline()
        self.add(0, "}")
        if self.index % ERROR_EVERY == ERROR_EVERY - 1:
            break_plan(self.lines, self.rng)
        return "\n".join(self.lines) + "\n"


def break_plan(lines: list[str], rng: random.Random) -> None:
    """Introduce one of the mistakes people make, so the error path is measured too."""
    mistakes: list[tuple[str, Callable[[str], str]]] = [
        ("objective ", lambda line: line.replace("objective ", "objectve ", 1)),
        ("role ", lambda line: line.replace("role ", "role economic_buyr #", 1)),
        ("reviewed ", lambda line: line.split("reviewed")[0] + "reviewed 2027-02-30"),
        ("target ", lambda line: line.split(" by ")[0] + " by soon"),
        ("}", lambda line: ""),  # a block never closed
    ]
    first = rng.randrange(len(mistakes))
    for needle, change in mistakes[first:] + mistakes[:first]:
        for number, line in enumerate(lines):
            if line.lstrip().startswith(needle):
                lines[number] = change(line)
                return


def generate_plan(index: int, seed: int = 7) -> str:
    return PlanWriter(random.Random(f"{seed}:{index}"), index).write()


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` plans into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"plan-{index:05d}.plan"
        path.write_text(generate_plan(index, seed), encoding="utf-8")
        paths.append(path)
    return paths


def big_plan(target_bytes: int, seed: int = 7) -> str:
    """One huge plan: the bodies of many generated plans inside a single plan block."""
    parts = [f'plan "Big {target_bytes} bytes" {{\n  owner "Jane Doe"\n  period 2027-01-01 to 2027-12-31\n']
    size, index = len(parts[0]), 0
    while size < target_bytes:
        index += 1
        if index % ERROR_EVERY == ERROR_EVERY - 1:
            continue  # only readable bodies
        body = generate_plan(index, seed).split("\n")
        if len(parts) > 1:  # a plan has one research block and one pipeline: keep the first body's
            body = _without_blocks(body, ("  research {", "  pipeline {"))
        inner = [line for line in body[2:] if line and line != "}" and not line.startswith(("  account", "  owner",
                 "  team", "  period", "  cadence", "  reviewed", "  revenue"))]
        chunk = "\n".join(inner) + "\n"
        parts.append(chunk)
        size += len(chunk)
    parts.append("}\n")
    return "".join(parts)


def _without_blocks(lines: list[str], openers: tuple[str, ...]) -> list[str]:
    """``lines`` less every block whose first line starts with one of ``openers`` (up to its closing '}')."""
    kept: list[str] = []
    depth = 0
    for line in lines:
        if depth == 0 and line.startswith(openers):
            depth = line.count("{") - line.count("}")
            continue
        if depth > 0:
            depth += line.count("{") - line.count("}")
            continue
        kept.append(line)
    return kept


def many_objectives(count: int) -> str:
    """A plan with ``count`` objectives: deep lists must not hit recursion limits."""
    lines = ['plan "Many objectives" {', '  owner "Jane Doe"', "  period 2027-01-01 to 2027-12-31"]
    for index in range(count):
        lines += [
            f'  objective revenue "Objective {index}" {{',
            '    metric "Signed contract value"',
            f"    target ${index % 900 + 10}k by 2027-{index % 12 + 1:02d}-15",
            f'    strategy "Strategy {index}" {{',
            f'      action "Action {index}" owner "Raj Patel" due 2027-{index % 12 + 1:02d}-01',
            "    }",
            "  }",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write plans into")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.count, args.seed)
    print(f"{len(paths)} plans in {args.out}")


if __name__ == "__main__":
    main()
