"""Make docs/report.png: the review report on the bundled samples, as headless Chromium paints it.

    python docs/screenshot.py          # writes docs/report.png and docs/report.png.sha256

The picture is taken of exactly the page ``planlint report samples --as-of
2027-02-01 --history 0`` writes (run from the repository's root; no git
history, so the picture does not depend on the clone). The sha256 of that
HTML is kept beside the picture: tests/test_docs_screenshot.py fails when the
samples' report no longer matches it, so the picture in docs/report.md is
never older than the page it shows. Run this script again then.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
PICTURE = ROOT / "docs" / "report.png"
DIGEST = ROOT / "docs" / "report.png.sha256"
COMMAND = ["report", "samples", "--as-of", "2027-02-01", "--history", "0", "--format", "html"]
WINDOW = "1280,2300"


def samples_report_html() -> str:
    """The samples' report page, as the command above writes it from the repository's root."""
    from planlint.cli import main

    out = io.StringIO()
    with in_folder(ROOT):
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(COMMAND)
    if code != 0:
        raise SystemExit(f"planlint {' '.join(COMMAND)} exited {code}")
    return out.getvalue()


@contextlib.contextmanager
def in_folder(folder: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def digest(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("headless Chromium is needed (apt-get install chromium)", file=sys.stderr)
        return 2
    html = samples_report_html()
    with tempfile.TemporaryDirectory() as temporary:
        page = Path(temporary) / "report.html"
        page.write_text(html, encoding="utf-8")
        shot = Path(temporary) / "report.png"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                        f"--user-data-dir={Path(temporary) / 'profile'}", f"--window-size={WINDOW}",
                        f"--screenshot={shot}", page.as_uri()], check=True, capture_output=True, timeout=120)
        PICTURE.write_bytes(shot.read_bytes())
    DIGEST.write_text(f"{digest(html)}  planlint {' '.join(COMMAND)}\n", encoding="utf-8")
    print(f"wrote {PICTURE.relative_to(ROOT)} and {DIGEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
