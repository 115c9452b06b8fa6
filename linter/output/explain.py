"""A rule explained in words: what ``planlint explain`` prints and the language server's "explain rule" shows."""

from __future__ import annotations

from ..api.rule import RuleInfo


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip("\n").splitlines())


def explanation(info: RuleInfo) -> str:
    """What ``planlint explain`` prints for a rule (the language server's "explain rule" shows the same)."""
    parts = [
        f"{info.code} {info.name}",
        f"category {info.category} · severity {info.severity.value} · weight {info.weight:g} · pack {info.pack}",
        "",
        info.message,
        "",
        "Why it matters:",
        _indent(info.why),
        "",
        "How to fix:",
        _indent(info.fix),
    ]
    if info.failing:
        parts += ["", "Fails:", _indent(info.failing[0])]
    if info.passing:
        parts += ["", "Passes:", _indent(info.passing[0])]
    return "\n".join(parts) + "\n"
