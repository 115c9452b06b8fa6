"""The report page's stylesheet: inline CSS, its band colours generated from the one bands table.

Kept apart from the markup so the page's look is read and changed in one place.
"""

from __future__ import annotations

from ...engine.bands import BANDS, NO_BAND_COLOUR


# A class per band, coloured from the one bands table (planlint.engine.bands).
BAND_CSS = "".join(f".band-{band.name} {{ background: {band.colour}; }}\n" for band in BANDS) + \
    f".band-none {{ background: {NO_BAND_COLOUR}; }}\n"


METER_CSS = "".join(f".meter i.c-{band.name} {{ background: {band.colour}; }}\n" for band in BANDS)
CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #ffffff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 36px 0 6px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 17px; margin: 0; }
h4 { font-size: 13px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
p.lead, p.note { color: var(--muted); margin: 4px 0 12px; }
a { color: #0a5ec2; text-decoration: none; }
.meta { color: var(--muted); }
.cards { display: flex; gap: 14px; flex-wrap: wrap; margin: 18px 0 4px; }
.card { flex: 1 1 190px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; background: var(--soft); }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
.card .value { font-size: 28px; font-weight: 700; line-height: 1.2; }
.card .bands { font-size: 16px; padding-top: 8px; display: flex; flex-wrap: wrap; gap: 6px 12px; }
.card .sub { color: var(--muted); font-size: 13px; }
.band { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #ffffff; font-size: 12px; font-weight: 600;
  white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
""" + BAND_CSS + """table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; font-weight: 600;
  background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.score { font-weight: 700; font-size: 15px; white-space: nowrap; }
td.score svg { vertical-align: middle; margin-left: 6px; }
table.summary td:first-child a { font-weight: 600; }
tr.attention td:first-child { box-shadow: inset 4px 0 0 #b3261e; }
.path, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
table.findings a, table.rules a { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.up { color: #1e7b3c; font-weight: 600; } .down { color: #b3261e; font-weight: 600; } .flat { color: var(--muted); }
.basis { display: block; color: var(--muted); font-size: 11px; }
ul.reasons { margin: 0; padding-left: 16px; } ul.reasons li { margin: 0; }
.ok { color: var(--muted); }
.figure { display: flex; gap: 28px; flex-wrap: wrap; align-items: flex-start; }
.figure svg { max-width: 100%; height: auto; }
.key { flex: 1 1 260px; max-width: 380px; }
.key h4:first-child { margin-top: 4px; }
ul.quadrants { list-style: none; padding: 0; margin: 0; }
ul.quadrants li { display: flex; gap: 10px; align-items: flex-start; margin: 0 0 10px; font-size: 13px; }
ul.quadrants .letter { flex: none; width: 28px; height: 28px; border-radius: 6px; background: var(--soft);
  border: 1px solid var(--line); text-align: center; font-weight: 700; line-height: 26px; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 13px; color: var(--muted); margin: 8px 0; }
.objectives { display: flex; flex-direction: column; gap: 8px; }
.objective { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
.objective p { margin: 0; flex: 1 1 260px; font-size: 13px; }
section.plan { border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 22px 0; }
section.plan header { display: flex; justify-content: space-between; gap: 16px; align-items: baseline; flex-wrap: wrap;
  border-bottom: 1px solid var(--line); padding-bottom: 10px; }
.bigscore { font-size: 30px; font-weight: 700; }
.bigscore small { font-size: 14px; color: var(--muted); font-weight: 400; }
.bigscore .sub { font-size: 13px; font-weight: 400; color: var(--muted); }
.columns { display: flex; gap: 32px; flex-wrap: wrap; }
.columns > div { flex: 1 1 420px; min-width: 0; }
.sev { font-weight: 600; font-size: 12px; text-transform: uppercase; }
table.findings td:first-child { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td[class^="sev-"] { font-weight: 600; font-size: 12px; text-transform: uppercase; }
.sev-error { color: #b3261e; } .sev-warning { color: #9a5b00; } .sev-info { color: #2862a8; }
.suppressed td { color: var(--muted); text-decoration: line-through; }
.meter { display: inline-block; width: 80px; height: 8px; border-radius: 4px; background: #eef1f4; margin-left: 6px;
  vertical-align: middle; overflow: hidden; } .meter i { display: block; height: 8px; }
ul.cats { list-style: none; padding: 0; margin: 0; } ul.cats li { display: flex; align-items: center; gap: 8px; margin: 0 0 5px; }
ul.cats li > span { flex: 0 0 120px; }
ul.cats li > i { position: relative; flex: 0 0 150px; height: 12px; border-radius: 3px;
  background: linear-gradient(to right, var(--c) var(--w), #eef1f4 var(--w)); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
ul.cats li > i s { position: absolute; top: -3px; bottom: -3px; width: 2px; background: var(--ink); }
ul.cats .red { --c: #b3261e; } ul.cats .amber { --c: #9a5b00; } ul.cats .green { --c: #1e7b3c; }
ul.cats li.red { color: #b3261e; } ul.cats li.amber { color: #9a5b00; } ul.cats li.green { color: #1e7b3c; }
ul.cats li > span, ul.cats b { color: var(--ink); } ul.cats li { font-size: 13px; }
""" + METER_CSS + """ol.fixes { padding-left: 20px; margin: 4px 0; } ol.fixes li { margin: 0 0 6px; }
.rag { display: inline-block; min-width: 0; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 600; color: #fff; }
.rag-red { background: #b3261e; } .rag-amber { background: #9a5b00; } .rag-green { background: #1e7b3c; }
.flag { display: inline-block; border: 1px solid #b3261e; color: #b3261e; border-radius: 4px; padding: 0 6px; margin: 2px 4px 2px 0;
  font-size: 12px; font-weight: 600; }
.short { border-left: 4px solid #b3261e; background: #fdf3f2; padding: 8px 14px; margin: 10px 0; border-radius: 4px; }
.short ul { margin: 4px 0 0; padding-left: 18px; }
.picture { display: flex; gap: 28px; flex-wrap: wrap; } .picture > div { flex: 1 1 440px; min-width: 0; }
.moved .new { color: #b3261e; } .moved .fixed { color: #1e7b3c; }
details { margin: 10px 0; } details > summary { cursor: pointer; font-weight: 600; color: var(--muted); }
ol.agenda { padding-left: 22px; margin: 6px 0; } ol.agenda li { margin: 0 0 10px; }
ol.agenda small, ol.agenda b { display: block; color: var(--muted); font-size: 12px; }
ol.agenda b { color: var(--ink); }
section.agenda-page { break-after: page; padding: 0 0 24px; }
section.agenda-page:last-child { break-after: auto; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 12px; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  section.plan { break-before: page; border: none; padding: 0; }
  details > summary { display: none; } details { display: block; }
  section.agenda-page { break-inside: avoid; }
  .figure, tr, .card, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
