"""``check --statistics``: how many counted findings each rule raised, most first.

Like ``ruff --statistics``: the table replaces the report, so a team adopting
planlint sees at a glance which rules matter most across its plans.
"""

from __future__ import annotations

import json
from collections import Counter

from ...engine.results import RunResult


def rows(result: RunResult) -> list[dict[str, object]]:
    counts: Counter[tuple[str, str, str]] = Counter(
        (f.code, f.name, f.severity.value) for file_result in result.files for f in file_result.failing()
    )
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return [{"count": count, "code": code, "name": name, "severity": severity}
            for (code, name, severity), count in ordered]


def render(result: RunResult, color: bool = False) -> str:
    table = rows(result)
    if not table:
        return "no findings\n"
    width = max(len(str(row["count"])) for row in table)
    name_width = max(len(str(row["name"])) for row in table)
    return "".join(
        f"{str(row['count']).rjust(width)}  {row['code']:<6}  {str(row['name']):<{name_width}}  {row['severity']}\n"
        for row in table
    )


def render_json(result: RunResult) -> str:
    return json.dumps(rows(result), indent=2) + "\n"
