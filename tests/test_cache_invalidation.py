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


# Issue 13 item 3: the key covers everything that can change a result, one test per kind of change.

from _planlint import PACK, PLAN, write  # type: ignore[import-not-found]  # noqa: E402

SELECT_PACK = 'select = ["ACME101"]\n'


def _pack_run(tmp_path: Path, pack_text: str, cache: Path) -> tuple[int, str]:
    write(tmp_path, "acme.toml", pack_text)
    result = run("check", "a.plan", "--pack", "acme.toml", "--format", "json", cwd=tmp_path,
                 env={"PLANLINT_CACHE_DIR": str(cache)})
    return result.code, result.out


def _setup(tmp_path: Path, plan: str = PLAN) -> Path:
    write(tmp_path, "a.plan", plan.replace("$500k", "$100k"))
    write(tmp_path, "planlint.toml", SELECT_PACK)
    return tmp_path / "cache"


def _changed(tmp_path: Path, before: str, after: str) -> None:
    cache = _setup(tmp_path)
    first = _pack_run(tmp_path, before, cache)
    second = _pack_run(tmp_path, after, cache)
    uncached = run("check", "a.plan", "--pack", "acme.toml", "--format", "json", "--no-cache", cwd=tmp_path)
    assert second == (uncached.code, uncached.out)
    assert first != second


def test_changing_a_packs_check_threshold_is_a_miss(tmp_path: Path) -> None:
    """The issue's reproduction: $50k passes a $100k target, $500k must fail it."""
    _changed(tmp_path, PACK, PACK.replace('at_least = "$50k"', 'at_least = "$500k"'))


def test_changing_a_packs_items_is_a_miss(tmp_path: Path) -> None:
    _changed(tmp_path, PACK.replace('at_least = "$50k"', 'at_least = "$500k"'),
             PACK.replace('at_least = "$50k"', 'at_least = "$500k"').replace('items = "revenue_objectives"', 'items = "retention_objectives"'))


def test_changing_a_packs_when_is_a_miss(tmp_path: Path) -> None:
    strict = PACK.replace('at_least = "$50k"', 'at_least = "$500k"')
    _changed(tmp_path, strict, strict.replace('items = "revenue_objectives"',
                                              'items = "revenue_objectives"\nwhen = { field = "account", present = false }'))


def test_changing_a_packs_where_is_a_miss(tmp_path: Path) -> None:
    strict = PACK.replace('at_least = "$50k"', 'at_least = "$500k"')
    _changed(tmp_path, strict, strict.replace('items = "revenue_objectives"',
                                              'items = "revenue_objectives"\nwhere = { field = "name", matches = "^Renew" }'))


def test_changing_only_a_packs_bytes_is_a_miss() -> None:
    """Two packs with identical rules but different bytes (a comment) key differently: every pack's bytes count."""
    from planlint.api.packs.loader import _definition

    raw = {"code": "ACME101"}
    assert _definition(raw, "# one\n") != _definition(raw, "# two\n")


def test_a_plugin_distribution_version_is_in_the_key(tmp_path: Path) -> None:
    from planlint.engine.cache import run_fingerprint
    from planlint.engine.runner import Options, make_linter
    from planlint.config.settings import Settings

    linter = make_linter(Settings(), Options())
    before = run_fingerprint(linter)
    linter.registry.plugin_versions["planlint-meddpicc"] = "planlint-meddpicc 9.9"
    assert run_fingerprint(linter) != before


def test_changing_the_configuration_is_a_miss(tmp_path: Path) -> None:
    cache = _setup(tmp_path)
    write(tmp_path, "planlint.toml", SELECT_PACK)
    first = _pack_run(tmp_path, PACK, cache)
    write(tmp_path, "planlint.toml", SELECT_PACK + '[severity]\nACME101 = "error"\n')
    second = _pack_run(tmp_path, PACK, cache)
    uncached = run("check", "a.plan", "--pack", "acme.toml", "--format", "json", "--no-cache", cwd=tmp_path)
    assert second == (uncached.code, uncached.out)


# Issue 13 item 4: an entry that is not whole and consistent is a miss, never a result.


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "results").rglob("*.json"))


def test_edited_entries_are_misses_and_lose_no_finding(tmp_path: Path) -> None:
    import json

    write(tmp_path, "a.plan", PLAN)
    cache = tmp_path / "cache"
    env = {"PLANLINT_CACHE_DIR": str(cache)}
    honest = run("check", "a.plan", "--format", "json", cwd=tmp_path, env=env)
    assert honest.code == 1 and json.loads(honest.out)["summary"]["findings"] > 0
    (entry,) = _entries(cache)
    header, _, body = entry.read_bytes().partition(b"\n")
    result = json.loads(body)
    forgeries = [
        b'{"path": "x"}',                                                   # the issue's: every field has a default
        header + b"\n" + b'{"path": "a.plan"}',                             # the old header, a new body
        header + b"\n" + body[: len(body) // 2],                            # truncated
        header + b"\n" + json.dumps({**result, "findings": []}).encode(),   # findings dropped, header kept
        b"",
    ]
    for forged in forgeries:
        entry.write_bytes(forged)
        again = run("check", "a.plan", "--format", "json", cwd=tmp_path, env=env)
        assert (again.code, again.out) == (honest.code, honest.out), forged[:60]


def test_a_consistent_looking_entry_for_another_rule_set_or_path_is_a_miss(tmp_path: Path) -> None:
    import json

    from planlint.engine.cache import ResultCache, _header
    from planlint.engine.results import FileResult, RuleScore

    cache = ResultCache(tmp_path, "fingerprint", rule_codes=["PL101", "PL102"])
    key = cache.key("a.plan", b"content")
    one_rule = FileResult(path="a.plan", rules=[RuleScore(code="PL101", name="x", category="c", weight=1, passed=1, total=1, score=100)])
    for result, path in ((one_rule, "a.plan"), (one_rule.model_copy(update={"path": "b.plan"}), "a.plan")):
        body = result.model_dump_json().encode()
        cache.entry(key).parent.mkdir(parents=True, exist_ok=True)
        cache.entry(key).write_bytes(_header(key, body) + b"\n" + body)
        assert cache.get(key, path) is None
    whole = one_rule.model_copy(update={"rules": one_rule.rules + [one_rule.rules[0].model_copy(update={"code": "PL102"})]})
    body = whole.model_dump_json().encode()
    cache.entry(key).write_bytes(_header(key, body) + b"\n" + body)
    assert cache.get(key, "a.plan") == whole
    assert json.loads(body)["path"] == "a.plan"


def test_an_entry_whose_hash_was_made_again_is_still_a_miss_unless_whole_and_consistent(tmp_path: Path) -> None:
    """The header's hash only proves the body is the one written after it; a body not planlint's own is a miss.

    Each forgery below keeps the key and carries a correct hash of its edited
    body, so only the entry's own shape can tell: a field left out (the model's
    default would stand in for it) or a rule whose failed items and findings
    disagree. None may hide a finding.
    """
    import json

    from planlint.engine.cache import _header

    write(tmp_path, "a.plan", PLAN)
    cache = tmp_path / "cache"
    env = {"PLANLINT_CACHE_DIR": str(cache)}
    honest = run("check", "a.plan", "--format", "json", cwd=tmp_path, env=env)
    assert honest.code == 1 and json.loads(honest.out)["summary"]["findings"] >= 2
    (entry,) = _entries(cache)
    key = entry.read_bytes().split(b" ", 3)[2].decode()
    result = json.loads(entry.read_bytes().partition(b"\n")[2])

    def without(mapping: dict, field: str) -> dict:
        return {name: value for name, value in mapping.items() if name != field}

    forgeries = {
        "findings left out": without(result, "findings"),
        "score left out": without(result, "score"),
        "findings emptied": {**result, "findings": []},
        "one finding dropped": {**result, "findings": result["findings"][1:]},
        "a finding's line left out": {**result, "findings": [without(result["findings"][0], "line")] + result["findings"][1:]},
        "a rule's passed left out": {**result, "rules": [without(result["rules"][0], "passed")] + result["rules"][1:]},
    }
    for name, forged in forgeries.items():
        body = json.dumps(forged, separators=(",", ":")).encode()
        entry.write_bytes(_header(key, body) + b"\n" + body)
        again = run("check", "a.plan", "--format", "json", cwd=tmp_path, env=env)
        assert (again.code, again.out) == (honest.code, honest.out), name
