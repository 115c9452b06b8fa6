"""The report as a person sees it: rendered by headless Chromium to a PNG and to its DOM text.

Skipped, with the reason, where Chromium is not installed (`.ci/run` installs
Debian's `chromium` package). The PNG is decoded here with zlib alone (no
Pillow) to check the page is not blank: it has many colours, and the band
colours a manager reads are really painted.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from html import unescape
from pathlib import Path

import pytest
from _planlint import run
from _report import BROKEN, PORTFOLIO, make_repo

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp_path / "chromium-profile"
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, timeout=90, check=False)


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Width, height, unfiltered rows and bytes per pixel of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    assert header is not None
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    bpp = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif kind == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif kind == 4:
            for i in range(stride):
                a, b, c = (line[i - bpp] if i >= bpp else 0), prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def colours(rows: list[bytes], bpp: int) -> dict[bytes, int]:
    counts: dict[bytes, int] = {}
    for row in rows:
        for i in range(0, len(row), bpp):
            pixel = row[i:i + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    return counts


def visible_text(dom: str) -> str:
    body = re.sub(r"<(style|title)[^>]*>.*?</\1>", " ", dom, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.fixture
def team_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, object]]:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = make_repo(tmp_path)
    (repo / "portfolio.plan").write_text(PORTFOLIO, encoding="utf-8")
    (repo / "broken.plan").write_text(BROKEN, encoding="utf-8")
    for args in (["-o", "report.html"], ["-o", "report.json"]):
        done = run("report", "plans", "--as-of", "2027-02-01", *args, cwd=tmp_path)
        assert done.code == 0, done.err
    return tmp_path / "report.html", json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))


def test_screenshot_is_a_painted_page_with_the_band_colours(team_page: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    page, _ = team_page
    shot = tmp_path / "report.png"
    # laid out 1280 CSS pixels wide, painted at half scale to keep decoding fast
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", "--force-device-scale-factor=0.5",
                    page.as_uri())
    assert shot.exists(), done.stderr.decode("utf-8", "replace")[-2000:]
    width, height, rows, bpp = decode_png(shot.read_bytes())
    assert (width, height) == (640, 1000)
    counts = colours(rows, bpp)
    assert len(counts) > 200, "the screenshot has almost no colours: a blank page?"
    white = counts.get(b"\xff\xff\xff", 0)
    assert white < 0.95 * width * height, "the screenshot is almost all white"
    for band_colour in ("b3261e", "1e7b3c"):  # the 'form' and 'tool' chips of the summary
        assert bytes.fromhex(band_colour) in counts, f"band colour #{band_colour} is not on screen"


def test_rendered_text_shows_every_plan_with_its_score(team_page: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    page, data = team_page
    done = chromium(tmp_path, "--dump-dom", page.as_uri())
    text = " ".join(visible_text(done.stdout.decode("utf-8")).split())
    assert "Account plan review" in text
    for plan in data["plans"]:  # type: ignore[union-attr]
        assert plan["name"] in text
        assert ("cannot be read" if plan["score"] is None else f"{plan['score']:.1f}") in text
        assert plan["band"] in text
    assert "Acme Corp · " in text and "Hooli · no plan" in text  # the two-by-two's labels


@pytest.mark.skipif(not (SAMPLES / "acme.plan").exists(), reason="the samples are not in this checkout")
def test_report_on_the_samples_renders_every_score(tmp_path: Path) -> None:
    for args in (["-o", str(tmp_path / "samples.html")], ["-o", str(tmp_path / "samples.json")]):
        done = run("report", str(SAMPLES), "--as-of", "2027-02-01", "--history", "0", *args, cwd=tmp_path)
        assert done.code == 0, done.err
    data = json.loads((tmp_path / "samples.json").read_text(encoding="utf-8"))
    dom = chromium(tmp_path, "--dump-dom", (tmp_path / "samples.html").as_uri()).stdout.decode("utf-8")
    text = " ".join(visible_text(dom).split())
    assert data["plans"] and all(("cannot be read" if plan["score"] is None else f"{plan['score']:.1f}") in text
                                 for plan in data["plans"])


# --------------------------------------------------------------------------- the review agenda on paper, the 400-plan page


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF Chromium printed: its page objects (``/Type /Page``, not the ``/Pages`` tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_the_agenda_prints_one_page_per_plan(team_page: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    _, data = team_page
    with_agenda = [plan for plan in data["plans"] if plan["agenda"]]  # type: ignore[union-attr, index]
    assert len(with_agenda) >= 2
    done = run("report", "plans", "--as-of", "2027-02-01", "--agenda", "-o", "agenda.html", cwd=tmp_path)
    assert done.code == 0, done.err
    pdf = tmp_path / "agenda.pdf"
    printed = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (tmp_path / "agenda.html").as_uri())
    assert pdf.exists(), printed.stderr.decode("utf-8", "replace")[-2000:]
    assert pdf_pages(pdf.read_bytes()) == len(with_agenda)  # one page each: none spills onto a second


PROBE = """<script>
addEventListener("load", () => {
  const screen = innerHeight, top = (el) => el ? Math.round(el.getBoundingClientRect().top + scrollY) : -1;
  const seen = [...document.querySelectorAll("main h2, main h4, table.unreadable tr, table.summary tr")]
    .filter((el) => el.getBoundingClientRect().top < screen).map((el) => el.textContent.slice(0, 60));
  const probe = document.createElement("pre");
  probe.id = "probe";
  probe.textContent = JSON.stringify({screen, team: top(document.getElementById("team")),
    owners: top(document.querySelector("table.owners")), unreadable: top(document.getElementById("unreadable")), seen});
  document.body.append(probe);
});
</script>"""


def first_screen(page: Path, tmp_path: Path) -> dict[str, object]:
    """What a 1280x900 window shows before any scrolling, measured by a script in a copy of the page (the report has none)."""
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium(tmp_path, "--window-size=1280,900", "--virtual-time-budget=10000", "--dump-dom", probed.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout.decode("utf-8"), re.S)
    assert found, dom.stderr.decode("utf-8", "replace")[-2000:]
    return json.loads(unescape(found.group(1)))


def generated_plans(folder: Path, count: int) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", SAMPLES.parent / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_corpus(folder, count)


@pytest.mark.skipif(not (SAMPLES.parent / "bench" / "generate.py").exists(), reason="bench/generate.py is not in this checkout")
def test_a_400_plan_report_stays_small_and_opens_on_the_team_picture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    generated_plans(tmp_path / "plans", 400)
    done = run("report", "plans", "--as-of", "2027-02-01", "-o", "team.html", cwd=tmp_path)
    assert done.code == 0, done.err
    page = tmp_path / "team.html"
    assert page.stat().st_size < 1_500_000  # bench/report.py measures it, and the render time
    html = page.read_text(encoding="utf-8")
    assert html.count('<section class="plan"') == 380  # one in twenty cannot be read: listed in one table instead
    shown = first_screen(page, tmp_path)
    screen = shown["screen"]
    assert 0 <= shown["team"] < shown["owners"] < screen  # the team picture and the owners' roll-up are on the first screen
    assert shown["unreadable"] > screen  # the files that cannot be read are further down, not filling it
    assert not any("cannot be read" in text.lower() or ".plan:" in text for text in shown["seen"])  # type: ignore[union-attr]
