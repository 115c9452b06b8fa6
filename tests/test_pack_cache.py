"""Issue 19 item 2: a TOML pack loaded through ``load_rules_from_toml`` is kept as plain data between runs.

The built-in pack is loaded by every check; once it has loaded, the next run
builds the very same rules from their plain form in the private cache
(``planlint.api.packs.compiled``) without reading the TOML or validating it.
These tests hold that the rules are the same either way, that any change to
the pack's bytes is seen at once, that a broken pack is never kept, and that a
cached file that does not fit is a miss, never a different rule.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from planlint import private_cache
from planlint.api.packs import compiled, loader
from planlint.language.parser import parse_text
from planlint.packs import PackError, load_rules_from_toml
from planlint.rule import CheckContext
from planlint.rules.builtin import CATEGORIES

from _planlint import PACK, write

BUILTIN = Path(__file__).resolve().parents[1] / "rules" / "builtin" / "builtin.toml"
BUILTIN_CATEGORIES = [category.name for category in CATEGORIES]
PLAN = """\
plan "Acme FY2027" {
  owner "Jane Doe"
  period 2027-01-01 to 2027-12-31
  objective revenue "Renew support" {
    target $100k by 2027-06-30
  }
}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder of this test's own (the XDG cache home is what private_folder tries first)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    found = private_cache.private_folder()
    assert found is not None and found.parent == tmp_path / "xdg"
    return found


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths loaded in full (TOML read and validated): a cache hit adds none."""
    loads: list[str] = []
    real = loader.load_pack_plain

    def counted(path: Any, *args: Any, **kwargs: Any) -> Any:
        loads.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "load_pack_plain", counted)
    return loads


def outcomes(rules: list[Any], text: str) -> list[tuple[str, list[Any]]]:
    """What each rule says about a plan: its code and every item (passed or failed, where, the message)."""
    plan = parse_text(text).document
    return [(rule.info.code, [tuple(item) for item in rule.check(CheckContext(plan=plan, as_of=dt.date(2027, 3, 1)))]) for rule in rules]


def described(rules: list[Any]) -> list[tuple[Any, ...]]:
    return [(rule.info, rule.definition, rule.source, repr(rule), rule.selector) for rule in rules]


def test_the_built_in_pack_is_the_same_from_the_cache(folder: Path, full_loads: list[str]) -> None:
    fresh = load_rules_from_toml(BUILTIN, BUILTIN_CATEGORIES, pack_name="builtin")
    assert full_loads == [str(BUILTIN)] and len(list(folder.glob("pack-*.json"))) == 1
    cached = load_rules_from_toml(BUILTIN, BUILTIN_CATEGORIES, pack_name="builtin")
    assert full_loads == [str(BUILTIN)], "the second load read the TOML again"
    assert described(cached) == described(fresh)
    sample = (Path(__file__).resolve().parents[1] / "samples" / "acme.plan").read_text(encoding="utf-8")
    assert outcomes(cached, sample) == outcomes(fresh, sample)
    assert any(items for _, items in outcomes(fresh, sample))  # the comparison saw real findings


def test_an_edited_pack_is_read_again_at_once(tmp_path: Path, folder: Path, full_loads: list[str]) -> None:
    pack = write(tmp_path, "acme.toml", PACK)
    assert outcomes(load_rules_from_toml(pack, ["objectives"]), PLAN)[0][1][0][0] is True  # $100k passes a $50k floor
    pack.write_text(PACK.replace('at_least = "$50k"', 'at_least = "$500k"'), encoding="utf-8")
    (code, items), = outcomes(load_rules_from_toml(pack, ["objectives"]), PLAN)
    assert len(full_loads) == 2
    assert items[0][0] is False and "$500k" in items[0][2]
    assert len(list(folder.glob("pack-*.json"))) == 1  # one file per pack, rewritten: edits do not pile up


def test_another_name_or_other_categories_are_another_entry(tmp_path: Path, folder: Path, full_loads: list[str]) -> None:
    pack = write(tmp_path, "acme.toml", PACK)
    assert load_rules_from_toml(pack, ["objectives"])[0].info.pack == "acme"
    assert load_rules_from_toml(pack, ["objectives"], pack_name="team")[0].info.pack == "team"
    load_rules_from_toml(pack, ["objectives", "people"])
    assert len(full_loads) == 3


def test_a_broken_pack_is_refused_every_time_and_never_kept(tmp_path: Path, folder: Path) -> None:
    pack = write(tmp_path, "acme.toml", PACK.replace('items = "revenue_objectives"', 'items = "revenue_objectivs"'))
    for _ in range(2):
        with pytest.raises(PackError, match="unknown items 'revenue_objectivs'"):
            load_rules_from_toml(pack, ["objectives"])
    assert list(folder.glob("pack-*.json")) == []


def resigned(path: Path, body: bytes) -> None:
    """The cache file rewritten with ``body`` under its own valid header (as a buggy or older planlint could)."""
    key = path.read_bytes().partition(b"\n")[0].split(b" ")[2].decode()
    path.unlink()
    private_cache.write(path.parent, path.name, compiled.MAGIC, key, body)


@pytest.mark.parametrize("body", [
    b"not json",
    b'{"rules": [{"info": {}}]}',
    b'{"rules": [{"info": {"code": "X1"}, "items": "no_such_items", "check": {}, "when": null, "where": null}]}',
    b'{"rules": "everything"}',
])
def test_a_cached_file_that_does_not_fit_is_a_miss(tmp_path: Path, folder: Path, full_loads: list[str],
                                                   body: bytes) -> None:
    pack = write(tmp_path, "acme.toml", PACK)
    fresh = load_rules_from_toml(pack, ["objectives"])
    (path,) = folder.glob("pack-*.json")
    resigned(path, body)
    again = load_rules_from_toml(pack, ["objectives"])
    assert len(full_loads) == 2 and described(again) == described(fresh)


def test_a_cached_file_with_a_bad_header_is_a_miss(tmp_path: Path, folder: Path, full_loads: list[str]) -> None:
    pack = write(tmp_path, "acme.toml", PACK)
    load_rules_from_toml(pack, ["objectives"])
    (path,) = folder.glob("pack-*.json")
    header, _, body = path.read_bytes().partition(b"\n")
    data = json.loads(body)
    data["rules"][0]["info"]["message"] = "planted"
    path.write_bytes(header + b"\n" + json.dumps(data).encode())  # edited without a matching hash
    assert load_rules_from_toml(pack, ["objectives"])[0].info.message != "planted"
    assert len(full_loads) == 2


def test_a_pack_json_cannot_hold_exactly_is_loaded_in_full_each_time(tmp_path: Path, folder: Path,
                                                                     full_loads: list[str]) -> None:
    dated = PACK.replace('check = { field = "target.value", at_least = "$50k" }',
                         'check = { field = "target.by", at_most = 2027-12-31 }')
    pack = write(tmp_path, "acme.toml", dated)
    for _ in range(2):
        (rule,) = load_rules_from_toml(pack, ["objectives"])
        assert outcomes([rule], PLAN)[0][1][0][0] is True
    assert len(full_loads) == 2 and list(folder.glob("pack-*.json")) == []
