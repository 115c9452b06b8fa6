"""`planlint new [--type TYPE] NAME.plan`: a starter plan that reads, and teaches the method as it is filled in.

Every section of a plan is there, each with a one-line comment saying what
goes in it. What the writer does not know yet is written as an open
`question` with how to find out, never as a placeholder: a starter is a list
of what to find out, which is the method's own first step. The types differ
in what they lead with:

* acquisition: research, then business-development objectives (a new account);
* expansion: plan units and white space, then revenue objectives;
* customer-success: adoption metrics, then customer-success objectives.

A starter is a template, so it scores as one (below 15), and the fixes
`planlint check` prints for it say what to write first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .exits import EXIT_OK, UsageError
from ._common import write_output

TYPES = ("acquisition", "expansion", "customer-success")

HEADER = '''\
# Account plan for {account}, started with `planlint new --type {kind}`.
# Answer each question, replace the commented lines with what you find, and
# run `planlint check {file}`: its fixes say what to write next.
plan "{account} FY{year}" {{
  account "{account}"                  # the customer, as the CRM names it
  # owner "Your Name"                  # who owns this plan
  # team "Colleague", "Colleague"      # the account team
  # period {year}-01-01 to {year}-12-31    # the time the plan covers
  cadence monthly                      # how often the team reviews the plan
'''

RESEARCH = {
    "acquisition": '''
  # Research first: the customer, the competitor, and why us (the Three Cs).
  research {{
    customer {{
      # The customer's goals, pressures, initiatives and obstacles, each with its source.
      question "What are {account}'s goals for {year}, in their own words?" how "Annual report and the CEO's last letter"
      question "Which initiative could we help with, and who leads it?" how "Discovery call with the account team"
      question "Who decides, who pays, and who would champion us?" how "Map the org chart with our sponsor"
    }}
    # competitor "Name" {{ strength "..." weakness "..." }}   # one block per competitor
    # company {{ strength "..." reference "..." }}             # what we bring: references, differentiators
  }}
''',
    "expansion": '''
  # Research: what the customer wants next, and where we do not sell yet.
  research {{
    customer {{
      question "Which divisions buy from us today, and what?" how "CRM install base report"
      question "Which of their divisions buy none of our products yet, and why?" how "Account review with the team"
      question "Which goals or initiatives would fund that expansion?" how "Ask our sponsor at the next QBR"
    }}
    # competitor "Name" {{ position incumbent strength "..." weakness "..." }}
    # company {{ reference "..." differentiator "..." }}
  }}
''',
    "customer-success": '''
  # Research: how the customer uses what they bought, and whether it pays off.
  research {{
    customer {{
      question "How many licensed users are active each month?" how "Product usage dashboard"
      question "Which outcomes did they buy us for, and are they reached?" how "Success plan review with the customer"
      question "Who owns adoption on their side?" how "Ask the project sponsor"
    }}
    # competitor "Name" {{ position challenger weakness "..." }}   # who could replace us at renewal
    # company {{ strength "..." }}
  }}
''',
}

UNITS = '''
  # Plan units: the divisions in scope, what we sell there, and the white space.
  # unit "Division" {{ current "..." potential "..." white_space "..." }}
'''

PEOPLE = '''
  # Stakeholders: title, role, influence, stance, and who on our team owns the relationship.
  # stakeholder "Name" {{ title "..." role economic_buyer influence high stance supporter owner "Your Name" }}
'''

OBJECTIVES = {
    "acquisition": '''
  # Objectives: measurable, dated, each with strategies and owned, dated actions.
  # Lead with business development: qualify the opportunities the research finds.
  # objective business_development "Qualify ..." {{ target 3 meetings by Q2 {year} supports "a goal above" }}
  # objective revenue "Win ..." {{ target $... by {year}-12-31 strategy "..." {{ action "..." owner "..." due {year}-03-31 }} }}
''',
    "expansion": '''
  # Objectives: measurable, dated, each with strategies and owned, dated actions.
  # Lead with revenue: one objective per unit with current opportunities.
  # objective revenue "Expand into ..." {{ target $... by {year}-12-31 unit "Division" supports "a goal above" }}
  # objective business_development "Qualify the white space in ..." {{ target 2 meetings by Q2 {year} }}
''',
    "customer-success": '''
  # Objectives: measurable, dated, each with strategies and owned, dated actions.
  # Lead with customer success: adoption the customer can see.
  # objective customer_success "Raise monthly active users" {{ metric "monthly active users" target 80% by Q3 {year} }}
  # objective revenue "Renew ..." {{ target $... by {year}-12-31 }}
''',
}

PIPELINE = '''
  # The pipeline, if you track it: deals, average deal value, win rate, cycle length.
  # pipeline {{ deals 4 average $... win_rate 30% cycle 6 months }}
}}
'''

ORDER = {
    "acquisition": (RESEARCH, PEOPLE, OBJECTIVES, UNITS),
    "expansion": (UNITS, RESEARCH, OBJECTIVES, PEOPLE),
    "customer-success": (RESEARCH, OBJECTIVES, PEOPLE, UNITS),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("new", help="write a starter plan that teaches the method", description=__doc__)
    parser.add_argument("file", metavar="NAME.plan", help="the plan to create (its name gives the account's)")
    parser.add_argument("--type", choices=TYPES, default="acquisition", help="what the plan leads with (default: acquisition)")
    parser.add_argument("--account", metavar="NAME", help="the account's name (default: from NAME.plan)")
    parser.set_defaults(handler=run)


def starter(account: str, kind: str, file: str, year: int) -> str:
    """The starter plan's text for ``account`` of type ``kind``."""
    values = {"account": account.replace('"', "'"), "kind": kind, "file": file, "year": year}
    parts = [HEADER]
    for section in ORDER[kind]:
        parts.append(section[kind] if isinstance(section, dict) else section)
    parts.append(PIPELINE)
    return "".join(part.format(**values) for part in parts)


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if path.suffix != ".plan":
        raise UsageError(f"{args.file}: a plan file ends in .plan (planlint check looks for *.plan)")
    if path.exists():
        raise UsageError(f"{args.file} already exists; planlint new never overwrites a plan")
    account = args.account or path.stem.replace("-", " ").replace("_", " ").title()
    write_output(starter(account, args.type, path.as_posix(), dt.date.today().year), str(path))
    article = "an" if args.type[0] in "aeiou" else "a"
    print(f"planlint: wrote {path.as_posix()}, {article} {args.type} starter for {account}; "
          f"`planlint check {path.as_posix()}` says what to write first", file=sys.stderr)
    return EXIT_OK
