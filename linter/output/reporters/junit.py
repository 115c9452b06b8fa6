"""JUnit XML for CI dashboards (GitLab, Jenkins, Azure DevOps...).

One test suite per plan, one test case per finding: an unsuppressed finding
is a ``<failure>`` (a file that cannot be read is an ``<error>``), a
suppressed one is ``<skipped>`` with its reason, and a plan without findings
has one passing case. The plan's score and band are suite properties. No
timestamps or timings: the same input gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ...engine.results import FileResult, Finding, RunResult

SYNTAX_CATEGORY = "syntax"


def _case(suite: ET.Element, result: FileResult, finding: Finding) -> tuple[int, int, int]:
    case = ET.SubElement(suite, "testcase", {
        "classname": result.path,
        "name": f"{finding.code} {finding.name}: {finding.message}",  # no line: names stay stable as plans change
        "file": result.path,
        "line": str(finding.line),
        "time": "0",
    })
    text = f"{result.path}:{finding.line}:{finding.column}: {finding.severity.value} {finding.code} {finding.name}: {finding.message}"
    if finding.suppressed is not None:
        ET.SubElement(case, "skipped", {"message": f"suppressed: {finding.suppressed}"})
        return 0, 0, 1
    tag = "error" if finding.category == SYNTAX_CATEGORY else "failure"
    element = ET.SubElement(case, tag, {"type": finding.severity.value, "message": finding.message})
    element.text = text
    return (0, 1, 0) if tag == "error" else (1, 0, 0)


def _suite(parent: ET.Element, result: FileResult) -> tuple[int, int, int, int]:
    suite = ET.SubElement(parent, "testsuite", {"name": result.path})
    properties = ET.SubElement(suite, "properties")
    if result.kind == "plan":
        ET.SubElement(properties, "property", {"name": "score", "value": f"{result.score:.1f}"})
        ET.SubElement(properties, "property", {"name": "band", "value": result.band})
        for axis in ("completeness", "substance"):
            value = getattr(result, axis)
            if value is not None:
                ET.SubElement(properties, "property", {"name": axis, "value": f"{value:.1f}"})
        for essential in result.essentials:
            ET.SubElement(properties, "property", {"name": f"pillar.{essential.pillar}",
                                                   "value": f"{essential.state}: {essential.reason}"})
        for bar in result.thresholds:
            ET.SubElement(properties, "property", {"name": f"minimum.{bar.name}",
                                                   "value": f"{'met' if bar.met else 'missed'}: {bar.minimum:g} ({bar.setting})"})
    ET.SubElement(properties, "property", {"name": "kind", "value": result.kind})
    failures = errors = skipped = 0
    for finding in result.findings:
        f, e, s = _case(suite, result, finding)
        failures, errors, skipped = failures + f, errors + e, skipped + s
    tests = len(result.findings)
    if tests == 0:
        ET.SubElement(suite, "testcase", {"classname": result.path, "name": "no findings", "file": result.path, "time": "0"})
        tests = 1
    suite.attrib.update(tests=str(tests), failures=str(failures), errors=str(errors), skipped=str(skipped), time="0")
    return tests, failures, errors, skipped


def render(result: RunResult, color: bool = False) -> str:
    root = ET.Element("testsuites", {"name": "planlint"})
    totals = [0, 0, 0, 0]
    for file_result in result.files:
        totals = [a + b for a, b in zip(totals, _suite(root, file_result))]
    root.attrib.update(tests=str(totals[0]), failures=str(totals[1]), errors=str(totals[2]),
                       skipped=str(totals[3]), time="0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
