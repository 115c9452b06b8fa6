"""The codes planlint itself prints (PL000-PL013) are rules like any other to `planlint rules` and `explain`."""

from __future__ import annotations

from pathlib import Path

from _planlint import run


def test_rules_lists_and_explain_explains_the_codes_planlint_itself_prints(tmp_path: Path) -> None:
    """PL000-PL013 come from reading and running, not from a pack; they are listed and explained like any rule."""
    listed = run("rules", cwd=tmp_path).out
    assert all(f"\n{code} " in listed for code in ("PL000", "PL001", "PL002", "PL003", "PL010", "PL011", "PL012", "PL013"))
    explained = run("explain", "PL001", cwd=tmp_path)
    assert explained.code == 0 and explained.out.startswith("PL001 syntax-error\n") and "Fails:" in explained.out
    assert run("explain", "unused-suppression", cwd=tmp_path).out.startswith("PL011 unused-suppression\n")
    failing = explained.out.split("Fails:\n", 1)[1].split("\n\nPasses:", 1)[0]
    (tmp_path / "broken.plan").write_text("\n".join(line[4:] for line in failing.splitlines()) + "\n", encoding="utf-8")
    checked = run("check", "broken.plan", "--no-cache", cwd=tmp_path)
    assert checked.code == 1 and "PL001 syntax-error" in checked.out
