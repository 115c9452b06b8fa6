"""SARIF 2.1.0, the format GitHub code scanning (and most CI dashboards) read.

Every finding becomes a result with a region; every rule the run could raise
is described in ``tool.driver.rules`` with its why and its fix as help text,
so a reviewer reading an alert in GitHub sees how to fix it. URIs are
relative to the repository root (``%SRCROOT%``, the nearest folder above the
working directory holding ``.git``, else the working directory), as code
scanning expects, so a run started in a sub-folder still points at the right
files; ``originalUriBaseIds`` says where that root is.
Suppressed findings are kept, marked with an in-source suppression carrying
the writer's reason. Plan scores go in the run's properties.
"""

from __future__ import annotations

import hashlib
import json
from urllib.parse import quote
from pathlib import Path
from typing import Any, Iterable

from ... import __version__
from ...engine.meta import CRM_ROW, META_RULES
from ...engine.results import FileResult, Finding, RunResult
from ...api.rule import RULES_DOCS, RuleInfo, rule_link

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/planlint/planlint"


def source_root(start: Path | None = None) -> Path:
    """The repository root above ``start`` (default: the working directory), else ``start`` itself."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _uri(path: str, root: Path) -> dict[str, str]:
    """A location relative to ``root`` where the file lies below it, else an absolute file URI."""
    absolute = Path(path).resolve()
    try:
        return {"uri": quote(absolute.relative_to(root).as_posix()), "uriBaseId": "%SRCROOT%"}
    except ValueError:
        return {"uri": absolute.as_uri()}


def _rule(info: RuleInfo, docs: str) -> dict[str, Any]:
    help_text = f"{info.why}\n\nHow to fix: {info.fix}"
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.message},
        "fullDescription": {"text": info.why},
        "help": {"text": help_text, "markdown": f"{info.why}\n\n**How to fix:** {info.fix}"},
        **({"helpUri": rule_link(info, docs)} if rule_link(info, docs) else {}),
        "defaultConfiguration": {"level": LEVELS[info.severity.value]},
        "properties": {"category": info.category, "weight": info.weight, "pack": info.pack,
                       "tags": ["planlint", info.category]},
    }


def _region(finding: Finding) -> dict[str, int]:
    line = max(finding.line, 1)
    column = max(finding.column, 1)
    end_line = max(finding.end_line, line)
    end_column = finding.end_column if finding.end_line > line else max(finding.end_column, column + 1)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": max(end_column, 1)}


def _result(path: str, finding: Finding, index: dict[str, int], root: Path) -> dict[str, Any]:
    digest = hashlib.sha256(f"{path}\0{finding.code}\0{finding.message}".encode()).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": _uri(path, root), "region": _region(finding)}}],
        "partialFingerprints": {"planlintFinding/v1": digest},
    }
    if finding.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
    return result


def _fallback(finding: Finding) -> RuleInfo:
    from ...api.rule import RuleInfo as Info

    return Info(code=finding.code, name=finding.name, category=finding.category, severity=finding.severity,
                weight=0.0, message=finding.name, why=finding.name, fix="See `planlint explain " + finding.code + "`.")


def _plan_properties(f: FileResult) -> dict[str, Any]:
    """A plan's verdict as the run's properties hold it: score, band, both axes and each pillar's state."""
    return {"path": f.path, "score": f.score, "band": f.band, "completeness": f.completeness, "substance": f.substance,
            "essentials": {e.pillar: {"state": e.state, "reason": e.reason} for e in f.essentials},
            "notApplicable": [na.model_dump(mode="json", exclude_none=True) for na in f.not_applicable],
            "thresholds": [bar.model_dump(mode="json") for bar in f.thresholds]}


def to_data(result: RunResult, rules: Iterable[RuleInfo] = (), docs: str = RULES_DOCS) -> dict[str, Any]:
    """The SARIF log; each rule's ``helpUri`` is its own link, or its section under ``docs`` (``rules-docs-url``)."""
    # PL014 (a CRM export's unreadable row) is described only in runs that have one: without --crm nothing changes.
    infos: dict[str, RuleInfo] = {info.code: info for info in [*META_RULES, *rules] if info is not CRM_ROW}
    for file_result in result.files:
        for finding in file_result.findings:
            infos.setdefault(finding.code, CRM_ROW if finding.code == CRM_ROW.code else _fallback(finding))
    ordered = [infos[code] for code in sorted(infos)]
    index = {info.code: position for position, info in enumerate(ordered)}
    root = source_root()
    results = [_result(f.path, finding, index, root) for f in result.files for finding in f.findings]
    plans = [_plan_properties(f) for f in result.files if f.kind == "plan"]
    others = [{"path": f.path, "kind": f.kind, **({"error": f.error} if f.error else {})}
              for f in result.files if f.kind != "plan"]
    run = {
        "tool": {"driver": {"name": "planlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": [_rule(info, docs) for info in ordered]}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"plans": plans, "files": others, "meanScore": result.summary.mean_score,
                       "scoringModel": result.scoring},
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(result: RunResult, color: bool = False, rules: Iterable[RuleInfo] = (), docs: str = RULES_DOCS) -> str:
    return json.dumps(to_data(result, rules, docs), indent=2, ensure_ascii=False) + "\n"
