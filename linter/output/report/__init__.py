"""The review-meeting report: one page a sales manager opens in a browser.

:mod:`.build` computes the report's data (:mod:`.model`) from plan files and
their git history; :mod:`.html` and :mod:`.markdown` render it, with the
small charts in :mod:`.svg`. Keeping the computing in one place means the
HTML page, the Markdown page and the JSON data always agree.
"""

from __future__ import annotations

from .model import Report

FORMATS = ("html", "markdown", "json")


def render(report: Report, fmt: str, agenda: bool = False) -> str:
    """The report in one of :data:`FORMATS`; JSON is the data itself, for ``--previous``.

    ``agenda`` renders only the review agenda (HTML: one printed page per plan needing attention).
    """
    if fmt == "html":
        from . import html

        return html.render_agenda(report) if agenda else html.render(report)
    if fmt == "markdown":
        from . import markdown

        return markdown.render_agenda(report) if agenda else markdown.render(report)
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    raise ValueError(f"unknown report format '{fmt}' (use one of: {', '.join(FORMATS)})")
