"""`planlint rules` and `planlint explain` load what `check` loads: the configuration's packs and plugins.

docs/custom-rules.md step 5 promises that after ``packs = ["rules/acme.toml"]``
in planlint.toml, `planlint rules` lists ACME101 and `planlint explain ACME101`
explains it; and docs/plugins.md that ``plugins = { x = false }`` turns a
plugin off. These tests hold the commands to that.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from _planlint import PACK, run, run_process, write

ROOT = Path(__file__).resolve().parent.parent
ACME = (ROOT / "rules" / "examples" / "acme.toml").read_text(encoding="utf-8")
PACKS = 'packs = ["rules/acme.toml"]\n'

# An installed plugin, "fake", shipping one TOML rule FAKE101 (an ACME rule renamed).
FAKE_PACK = PACK.replace('name = "acme"', 'name = "fake"').replace("ACME101", "FAKE101").replace(
    'name = "revenue-floor"', 'name = "fake-revenue-floor"')

FAKE_PLUGIN = """\
from pathlib import Path

from planlint.hookspecs import hookimpl
from planlint.packs import load_rules_from_toml


@hookimpl
def planlint_rules():
    return load_rules_from_toml(Path(__file__).with_name("fake.toml"), ["objectives"], pack_name="fake")
"""


def plugin_site(folder: Path) -> dict[str, str]:
    """Install the "fake" plugin (entry point included) in ``folder``; the environment that finds it."""
    write(folder, "fake-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: fake\nVersion: 1.0\n")
    write(folder, "fake-1.0.dist-info/entry_points.txt", "[planlint]\nfake = fakeplug\n")
    write(folder, "fakeplug.py", FAKE_PLUGIN)
    write(folder, "fake.toml", FAKE_PACK)
    return {"PYTHONPATH": os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")])}


def codes(text: str) -> list[str]:
    return [line.split()[0] for line in text.splitlines()[1:]]


@pytest.mark.parametrize("name,config", [
    ("planlint.toml", PACKS),
    (".planlint.toml", PACKS),
    ("pyproject.toml", "[project]\nname = 'plans'\n\n[tool.planlint]\n" + PACKS),
])
def test_the_configured_pack_is_listed_and_explained_from_below_the_config(tmp_path: Path, name: str, config: str) -> None:
    write(tmp_path, "rules/acme.toml", ACME)
    write(tmp_path, name, config)
    below = tmp_path / "plans" / "emea"
    below.mkdir(parents=True)

    listed = run("rules", cwd=below)
    assert listed.code == 0, listed.err
    assert codes(listed.out).count("ACME101") == 1 and "PL302" in codes(listed.out)
    explained = run("explain", "ACME101", cwd=below)
    assert explained.code == 0, explained.err
    assert explained.out.startswith("ACME101 revenue-floor\n") and "pack acme" in explained.out
    assert "ACME101" in {row["code"] for row in json.loads(run("rules", "--format", "json", cwd=below).out)}


def test_without_a_configuration_the_pack_is_not_loaded(tmp_path: Path) -> None:
    write(tmp_path, "rules/acme.toml", ACME)
    assert "ACME101" not in codes(run("rules", cwd=tmp_path).out)
    unknown = run("explain", "ACME101", cwd=tmp_path)
    assert unknown.code == 2 and "unknown rule 'ACME101'" in unknown.err


def test_a_pack_in_the_configuration_and_given_with_pack_is_loaded_once(tmp_path: Path) -> None:
    write(tmp_path, "rules/acme.toml", ACME)
    write(tmp_path, "planlint.toml", PACKS)
    listed = run("rules", "--pack", "rules/acme.toml", cwd=tmp_path)
    assert listed.code == 0, listed.err
    assert codes(listed.out).count("ACME101") == 1
    assert run("explain", "revenue-floor", "--pack", "./rules/acme.toml", cwd=tmp_path).code == 0


def test_pack_adds_to_the_configuration(tmp_path: Path) -> None:
    write(tmp_path, "rules/acme.toml", ACME)
    write(tmp_path, "rules/fake.toml", FAKE_PACK)
    write(tmp_path, "planlint.toml", PACKS)
    listed = run("rules", "--pack", "rules/fake.toml", cwd=tmp_path)
    assert listed.code == 0 and {"ACME101", "FAKE101"} <= set(codes(listed.out))
    assert run("explain", "FAKE101", "--pack", "rules/fake.toml", cwd=tmp_path).code == 0


def test_config_names_the_configuration_file(tmp_path: Path) -> None:
    write(tmp_path, "rules/acme.toml", ACME)
    write(tmp_path, "elsewhere/team.toml", 'packs = ["../rules/acme.toml"]\n')  # relative to the file, as in check
    assert "ACME101" in codes(run("rules", "--config", "elsewhere/team.toml", cwd=tmp_path).out)
    assert run("explain", "ACME101", "--config", "elsewhere/team.toml", cwd=tmp_path).code == 0
    missing = run("rules", "--config", "nowhere.toml", cwd=tmp_path)
    assert missing.code == 2 and "nowhere.toml: no such configuration file" in missing.err


def test_a_broken_configuration_or_pack_stops_with_exit_2(tmp_path: Path) -> None:
    write(tmp_path, "planlint.toml", 'packs = ["rules/acme.toml"]\nselectt = ["PL"]\n')
    result = run("rules", cwd=tmp_path)
    assert result.code == 2 and "unknown key 'selectt'" in result.err
    write(tmp_path, "planlint.toml", PACKS)
    result = run("explain", "PL302", cwd=tmp_path)  # the configured pack does not exist: as check, exit 2
    assert result.code == 2 and "acme.toml" in result.err


def test_a_plugin_switched_off_in_the_configuration_is_not_listed_or_explained(tmp_path: Path) -> None:
    env = plugin_site(tmp_path / "site")
    plans = tmp_path / "plans"
    plans.mkdir()
    assert "FAKE101" in codes(run_process("rules", cwd=plans, env=env).out)
    assert run_process("explain", "FAKE101", cwd=plans, env=env).code == 0

    write(plans, "planlint.toml", "plugins = { fake = false }\n")
    listed = run_process("rules", cwd=plans, env=env)
    assert listed.code == 0 and "FAKE101" not in codes(listed.out) and "PL302" in codes(listed.out)
    explained = run_process("explain", "FAKE101", cwd=plans, env=env)
    assert explained.code == 2 and "unknown rule 'FAKE101'" in explained.err


def test_rules_lists_each_rules_pillar_and_weight_as_the_configuration_gives_them(tmp_path: Path) -> None:
    listing = run("rules", cwd=tmp_path).out
    assert [line.split()[5] for line in listing.splitlines() if line.startswith(("PL102 ", "PL105 "))] == ["competitor", "-"]
    write(tmp_path, "planlint.toml", 'essentials = { PL105 = "customer", competitor-research = false }\nweights = { PL102 = 5 }\n')
    rows = {row["code"]: row for row in json.loads(run("rules", "--format", "json", cwd=tmp_path).out)}
    assert (rows["PL102"]["pillar"], rows["PL102"]["weight"]) == (None, 5.0)
    assert rows["PL105"]["pillar"] == "customer"
    assert rows["PL172"]["quadrants"] == ["A", "B"]  # white space is not expected of a protect or leave account
    listing = run("rules", cwd=tmp_path).out
    assert [line.split()[4:6] for line in listing.splitlines() if line.startswith(("PL102 ", "PL105 "))] == [
        ["5", "-"], ["1.5", "customer"]]
