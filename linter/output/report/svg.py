"""Small inline SVG charts for the HTML report: the two-by-two, trend lines and objective paths (bars are plain HTML, see :mod:`.html`).

Each function turns already-computed report data into an ``<svg>`` string.
They compute no scores: only pixel positions. Every coloured mark has its
words beside it (a score, a band name, a quadrant letter), so the charts
read the same in greyscale print and for colour-blind readers, and each
chart has a ``<title>`` for screen readers.
"""

from __future__ import annotations

from html import escape
from typing import Sequence

from ...engine.bands import colour
from .model import ObjectivePath, PathMark, PortfolioView, TrendPoint

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


QUADRANT_FILLS = {"A": "#eef5ff", "B": "#f3f0fb", "C": "#eef7f1", "D": "#f6f6f4"}
INK = "#1f2328"
MUTED = "#57606a"
GRID = "#d0d7de"


def _svg(width: int, height: int, title: str, body: list[str], css_class: str) -> str:
    return (
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="{escape(FONT)}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _num(value: float) -> str:
    return f"{value:.1f}"


def sparkline(points: Sequence[TrendPoint], width: int = 150, height: int = 34) -> str:
    """A plan's score over its last versions and now, on a fixed 0-100 scale (written at its left) so plans compare."""
    if not points:
        return ""
    pad, left = 4, 22
    step = (width - left - pad) / max(len(points) - 1, 1)

    def xy(index: int, score: float) -> tuple[float, float]:
        return round(left + index * step, 1), round(pad + (height - 2 * pad) * (1 - score / 100), 1)

    coords = [xy(i, p.score) for i, p in enumerate(points)]
    body = [f'<text x="{left - 3}" y="{pad + 5}" font-size="8" text-anchor="end" fill="{MUTED}">100</text>',
            f'<text x="{left - 3}" y="{height - pad + 2}" font-size="8" text-anchor="end" fill="{MUTED}">0</text>',
            f'<line x1="{left}" x2="{width - pad}" y1="{pad}" y2="{pad}" stroke="{GRID}" stroke-width="0.6" stroke-dasharray="2 2"/>',
            f'<line x1="{left}" x2="{width - pad}" y1="{height - pad}" y2="{height - pad}" stroke="{GRID}" stroke-width="1"/>']
    if len(coords) > 1:
        path = " ".join(f"{x},{y}" for x, y in coords)
        body.append(f'<polyline class="trend-line" points="{path}" fill="none" stroke="{INK}" stroke-width="1.6" stroke-linejoin="round"/>')
    x, y = coords[-1]
    body.append(f'<circle class="trend-point" cx="{x}" cy="{y}" r="2.8" fill="{INK}"/>')
    title = "Score over time (0 to 100): " + ", ".join(_point_label(p) for p in points)
    return _svg(width, height, title, body, "sparkline")


def _point_label(point: TrendPoint) -> str:
    where = f"{point.label} “{point.subject}”" if point.subject else point.label
    return f"{where}: {_num(point.score)}"


def _short(subject: str, size: int = 16) -> str:
    return subject if len(subject) <= size else subject[:size - 1].rstrip() + "…"


def trend_chart(points: Sequence[TrendPoint], bands: Sequence[tuple[str, float]], width: int = 720, height: int = 230) -> str:
    """The team's mean score over time, with the band floors drawn and named."""
    left, right, top, bottom = 92, 20, 16, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    inset = 28  # keeps the first and last score labels clear of the band names and the edge
    step = (plot_w - 2 * inset) / max(len(points) - 1, 1)

    def y_of(score: float) -> float:
        return round(top + plot_h * (1 - score / 100), 1)

    body: list[str] = []
    for name, floor in bands:
        if floor <= 0:
            continue
        y = y_of(floor)
        body.append(f'<line class="band-floor" x1="{left}" x2="{left + plot_w}" y1="{y}" y2="{y}" stroke="{GRID}" stroke-dasharray="4 3"/>')
        body.append(f'<text x="{left - 8}" y="{y + 4}" font-size="11" text-anchor="end" fill="{colour(name)}">{escape(name)} {floor:g}</text>')
    body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y_of(0)}" y2="{y_of(0)}" stroke="{MUTED}"/>')
    body.append(f'<text x="{left - 8}" y="{y_of(0) + 4}" font-size="11" text-anchor="end" fill="{MUTED}">0</text>')
    body.append(f'<text x="{left - 8}" y="{y_of(100) + 4}" font-size="11" text-anchor="end" fill="{MUTED}">100</text>')
    coords = [(round(left + inset + i * step if len(points) > 1 else left + plot_w / 2, 1), y_of(p.score)) for i, p in enumerate(points)]
    if len(coords) > 1:
        body.append(f'<polyline class="trend-line" points="{" ".join(f"{x},{y}" for x, y in coords)}" fill="none" '
                    f'stroke="{INK}" stroke-width="2.2" stroke-linejoin="round"/>')
    label_every = max(1, (len(points) + 9) // 10)
    for index, ((x, y), point) in enumerate(zip(coords, points)):
        body.append(f'<circle class="trend-point" cx="{x}" cy="{y}" r="4" fill="{INK}"><title>{escape(_point_label(point))}</title></circle>')
        body.append(f'<text x="{x}" y="{y - 9}" font-size="12" font-weight="600" text-anchor="middle" fill="{INK}">{_num(point.score)}</text>')
        if index % label_every == 0 or index == len(points) - 1:
            body.append(f'<text x="{x}" y="{top + plot_h + 18}" font-size="11" text-anchor="middle" fill="{MUTED}">{escape(point.label)}</text>')
            if point.subject:
                body.append(f'<text x="{x}" y="{top + plot_h + 32}" font-size="10" text-anchor="middle" fill="{MUTED}">'
                            f"{escape(_short(point.subject))}</text>")
    title = "Team mean score over time: " + ", ".join(_point_label(p) for p in points)
    return _svg(width, height, title, body, "chart-trend")


LABELLED_MARKERS = 40  # beyond this many accounts only the short ones are labelled (each marker keeps its tooltip)
QUADRANT_CELLS = {"B": (0, 0), "A": (1, 0), "D": (0, 1), "C": (1, 1)}  # column, row: future revenue grows upwards


def quadrant_chart(view: PortfolioView, width: int = 640, height: int = 480) -> str:
    """The A/B/C/D two-by-two: current revenue across, future revenue up, one marker per account."""
    left, right, top, bottom = 56, 16, 12, 52
    plot_w, plot_h = width - left - right, height - top - bottom
    half_w, half_h = plot_w / 2, plot_h / 2
    body: list[str] = []
    titles = {q.letter: q for q in view.quadrants}
    for letter, (col, row) in QUADRANT_CELLS.items():
        x, y = left + col * half_w, top + row * half_h
        quadrant = titles.get(letter)
        body.append(f'<rect class="quadrant" data-quadrant="{letter}" x="{x}" y="{y}" width="{half_w}" height="{half_h}" '
                    f'fill="{QUADRANT_FILLS[letter]}" stroke="#ffffff" stroke-width="3"/>')
        body.append(f'<text x="{x + 12}" y="{y + 30}" font-size="28" font-weight="700" fill="#8c959f" opacity="0.55">{letter}</text>')
        if quadrant is not None:
            body.append(f'<text x="{x + 40}" y="{y + 22}" font-size="12" fill="{MUTED}">{escape(quadrant.advice.split(": ", 1)[-1])}</text>')
            body.append(f'<text x="{x + 40}" y="{y + 37}" font-size="11" fill="{MUTED}">{quadrant.count} account{"s" if quadrant.count != 1 else ""}</text>')
    body.append(f'<text x="{left + half_w / 2}" y="{top + plot_h + 18}" font-size="12" text-anchor="middle" fill="{MUTED}">low</text>')
    body.append(f'<text x="{left + 1.5 * half_w}" y="{top + plot_h + 18}" font-size="12" text-anchor="middle" fill="{MUTED}">high</text>')
    body.append(f'<text x="{left + plot_w / 2}" y="{top + plot_h + 40}" font-size="13" font-weight="600" text-anchor="middle" fill="{INK}">Current revenue →</text>')
    body.append(f'<text x="{left - 10}" y="{top + half_h / 2}" font-size="12" text-anchor="end" fill="{MUTED}" '
                f'transform="rotate(-90 {left - 10} {top + half_h / 2})" dy="4">high</text>')
    body.append(f'<text x="{left - 10}" y="{top + 1.5 * half_h}" font-size="12" text-anchor="end" fill="{MUTED}" '
                f'transform="rotate(-90 {left - 10} {top + 1.5 * half_h})" dy="4">low</text>')
    body.append(f'<text x="16" y="{top + plot_h / 2}" font-size="13" font-weight="600" text-anchor="middle" fill="{INK}" '
                f'transform="rotate(-90 16 {top + plot_h / 2})" dy="4">Future revenue →</text>')
    labelled = len(view.placements) <= LABELLED_MARKERS
    for placement in view.placements:
        cx = round(left + placement.x * plot_w, 1)
        cy = round(top + (1 - placement.y) * plot_h, 1)
        score = "no plan" if placement.score is None else _num(placement.score)
        label = f"{placement.account} · {score}"
        if not labelled:  # a crowded chart: small markers, a short tooltip, labels only for the accounts falling short
            body.append(f'<circle cx="{cx}" cy="{cy}" r="6" fill="{colour(placement.band)}"><title>{escape(label)}</title></circle>')
        else:
            body.append(f'<g class="account" data-account="{escape(placement.account)}" data-quadrant="{placement.quadrant}">')
            body.append(f'<circle class="marker" cx="{cx}" cy="{cy}" r="9" fill="{colour(placement.band)}" stroke="#ffffff" stroke-width="2">'
                        f"<title>{escape(f'{placement.account}: quadrant {placement.quadrant}, current {placement.current}, future {placement.future}, plan score {score} ({placement.band})')}</title></circle>")
        if placement.note:
            gap = 17
            anchor, dx = ("end", -gap) if placement.x > 0.78 else ("start", gap)
            body.append(f'<circle cx="{cx}" cy="{cy}" r="13" fill="none" stroke="{colour("form")}" stroke-width="2" stroke-dasharray="3 2"/>')
        else:
            anchor, dx = ("end", -13) if placement.x > 0.78 else ("start", 13)
        if labelled or placement.note:
            body.append(f'<text x="{cx + dx}" y="{cy + 4}" font-size="12" text-anchor="{anchor}" fill="{INK}" '
                        f'paint-order="stroke" stroke="#ffffff" stroke-width="3">{escape(label)}</text>')
        if labelled:
            body.append("</g>")
    return _svg(width, height, f"Portfolio two-by-two: {len(view.placements)} accounts placed by current and future revenue", body, "chart-quadrant")


def objective_chart(objective: ObjectivePath, width: int = 300, height: int = 92) -> str:
    """An objective's path from baseline to target (dashed, milestones as hollow squares) and its readings (solid dots)."""
    left, right, top, bottom = 8, 8, 16, 18
    plot_w, plot_h = width - left - right, height - top - bottom

    def xy(mark: PathMark) -> tuple[float, float]:
        return round(left + mark.x * plot_w, 1), round(top + (1 - mark.y) * plot_h, 1)

    body = [f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{GRID}" stroke-width="1"/>']
    line = " ".join(f"{x},{y}" for x, y in map(xy, objective.path))
    body.append(f'<polyline class="objective-path" points="{line}" fill="none" stroke="{MUTED}" stroke-width="1.4" stroke-dasharray="4 3"/>')
    for mark in objective.path:
        x, y = xy(mark)
        tip = f"<title>{escape(f'{mark.label} {mark.value} on {mark.date}')}</title>"
        if mark.label == "milestone":
            body.append(f'<rect class="milestone" x="{x - 3.5}" y="{y - 3.5}" width="7" height="7" fill="#ffffff" stroke="{MUTED}" stroke-width="1.4">{tip}</rect>')
        else:
            body.append(f'<circle class="path-end" cx="{x}" cy="{y}" r="2.5" fill="{MUTED}">{tip}</circle>')
    start, end = objective.path[0], objective.path[-1]
    body.append(f'<text x="{left}" y="{height - 5}" font-size="9" fill="{MUTED}">{escape(start.date)}</text>')
    body.append(f'<text x="{left + plot_w}" y="{height - 5}" font-size="9" text-anchor="end" fill="{MUTED}">{escape(end.date)}</text>')
    x, y = xy(end)
    body.append(f'<text x="{x}" y="{y - 6}" font-size="10" text-anchor="end" fill="{MUTED}">target {escape(end.value)}</text>')
    coords = [xy(mark) for mark in objective.readings]
    if len(coords) > 1:
        body.append(f'<polyline class="readings" points="{" ".join(f"{x},{y}" for x, y in coords)}" fill="none" stroke="{INK}" stroke-width="1.8"/>')
    for mark, (x, y) in zip(objective.readings, coords):
        body.append(f'<circle class="reading" cx="{x}" cy="{y}" r="3.5" fill="{INK}"><title>{escape(f"{mark.value} on {mark.date}")}</title></circle>')
    if objective.readings:
        x, y = coords[-1]
        body.append(f'<text x="{x}" y="{y - 7}" font-size="11" font-weight="600" text-anchor="middle" fill="{INK}" '
                    f'paint-order="stroke" stroke="#ffffff" stroke-width="3">{escape(objective.readings[-1].value)}</text>')
    title = (f"{objective.name}: path " + ", ".join(f"{m.label} {m.value} on {m.date}" for m in objective.path)
             + "; readings " + (", ".join(f"{m.value} on {m.date}" for m in objective.readings) or "none"))
    return _svg(width, height, title, body, "chart-objective")
