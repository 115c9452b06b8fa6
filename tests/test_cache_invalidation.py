"""The result cache never serves a result that a change elsewhere has made stale."""

from __future__ import annotations

import shutil
from pathlib import Path

from _planlint import run  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parents[1]


def _check(*args: str, cwd: Path, cache: Path) -> str:
    result = run("check", *args, "--as-of", "2027-02-01", cwd=cwd, env={"PLANLINT_CACHE_DIR": str(cache), "XDG_CACHE_HOME": str(cache)})
    return result.out


def test_editing_a_pack_in_place_changes_its_messages(tmp_path: Path) -> None:
    pack = tmp_path / "acme.toml"
    shutil.copy(ROOT / "rules" / "examples" / "acme.toml", pack)
    shutil.copy(ROOT / "samples" / "form.plan", tmp_path / "form.plan")
    cache = tmp_path / "cache"
    first = _check("form.plan", "--pack", str(pack), cwd=tmp_path, cache=cache)
    pack.write_text(pack.read_text().replace("no stakeholder is the economic buyer", "nobody is the economic buyer"))
    second = _check("form.plan", "--pack", str(pack), cwd=tmp_path, cache=cache)
    assert "no stakeholder is the economic buyer" in first
    assert "nobody is the economic buyer" in second and "no stakeholder is the economic buyer" not in second


def test_a_portfolio_follows_changes_to_the_plans_it_names(tmp_path: Path) -> None:
    for name in ("portfolio.plan", "acme.plan", "form.plan"):
        shutil.copy(ROOT / "samples" / name, tmp_path / name)
    cache = tmp_path / "cache"
    before = _check("portfolio.plan", cwd=tmp_path, cache=cache)
    shutil.copy(ROOT / "samples" / "acme.plan", tmp_path / "form.plan")  # Initech's plan is now a good one
    after = _check("portfolio.plan", cwd=tmp_path, cache=cache)
    assert "Initech" in before and "PL601" in before
    assert "Initech" not in after
