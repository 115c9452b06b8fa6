"""Issue 19 item 2: the plugins' entry points are cached between runs, and the cache never hides an install.

The scan (``importlib.metadata``) is kept as plain JSON in the private cache
folder under a stamp of the installed distributions: installing or removing
a plugin is seen on the very next run; a cache in a folder another user owns
or can reach is not read; a damaged one is a miss. The tests run as root, so
"another user" is made real by chowning to ``nobody``, as the security
suite does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planlint import installed, private_cache

from _planlint import PLAN, run_process, write

NOBODY = 65534
requires_root = pytest.mark.skipif(os.getuid() != 0, reason="needs root to chown a folder to another user")

PLUGIN = """\
from planlint.hookspecs import hookimpl
from planlint.rule import Rule, RuleInfo, Severity


class Hello(Rule):
    info = RuleInfo(code="HEL001", name="hello", category="objectives", severity=Severity.info, weight=1.0,
                    message="m", why="w", fix="f")

    def check(self, context):
        return []


@hookimpl
def planlint_rules():
    return [Hello()]
"""


def install(site: Path) -> None:
    """What pip leaves for a plugin: its module and a dist-info folder naming the entry point."""
    write(site, "hello_plugin.py", PLUGIN)
    write(site, "hello_plugin-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: hello-plugin\nVersion: 1.0\n")
    write(site, "hello_plugin-1.0.dist-info/entry_points.txt", "[planlint]\nhello = hello_plugin\n")


def environment(tmp_path: Path, site: Path) -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
            "XDG_CACHE_HOME": str(tmp_path / "xdg")}


def listed_codes(tmp_path: Path, env: dict[str, str]) -> set[str]:
    result = run_process("rules", "--format", "json", cwd=tmp_path, env=env)
    assert result.code == 0, result.err
    return {row["code"] for row in json.loads(result.out)}


def test_a_plugin_installed_or_removed_is_seen_on_the_next_run(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    env = environment(tmp_path, site)
    assert "HEL001" not in listed_codes(tmp_path, env)
    assert "HEL001" not in listed_codes(tmp_path, env)  # the scan is now cached...
    cached = list((tmp_path / "xdg" / "planlint").glob("entry-points-*.json"))
    assert cached, "the entry-point scan was not cached"
    install(site)
    assert "HEL001" in listed_codes(tmp_path, env)  # ...and an install is seen at once
    assert "HEL001" in listed_codes(tmp_path, env)
    shutil.rmtree(site / "hello_plugin-1.0.dist-info")
    assert "HEL001" not in listed_codes(tmp_path, env)  # and so is a removal


def test_the_result_cache_is_keyed_on_the_installed_distributions(tmp_path: Path) -> None:
    """A result cached before a plugin was installed is not served after: the plugin's findings count."""
    site = tmp_path / "site"
    site.mkdir()
    env = {**environment(tmp_path, site), "PLANLINT_CACHE_DIR": str(tmp_path / "results")}
    write(tmp_path, "a.plan", PLAN)
    before = run_process("check", "a.plan", "--format", "json", "--exit-zero", cwd=tmp_path, env=env)
    write(site, "other-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: other\nVersion: 1.0\n")
    after = run_process("check", "a.plan", "--format", "json", "--exit-zero", cwd=tmp_path, env=env)
    assert before.code == after.code == 0, after.err
    entries = [path for path in (tmp_path / "results").rglob("*") if path.is_file() and path.suffix == ".json"]
    assert len(entries) == 2, "installing a distribution did not change the result cache's key"


def test_a_pydantic_plugin_installed_is_still_loaded_by_pydantic(tmp_path: Path) -> None:
    """planlint spares pydantic its plugin scan only when the cached scan says there is no pydantic plugin."""
    site = tmp_path / "site"
    marker = tmp_path / "loaded"
    write(site, "pyd_plugin.py", f"from pathlib import Path\nPath({str(marker)!r}).touch()\n\n"
          "class Plugin:\n    def new_schema_validator(self, *args, **kwargs):\n        return None, None, None\n\n"
          "plugin = Plugin()\n")
    write(site, "pyd_plugin-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: pyd-plugin\nVersion: 1.0\n")
    write(site, "pyd_plugin-1.0.dist-info/entry_points.txt", "[pydantic]\npyd = pyd_plugin:plugin\n")
    env = {**os.environ, **environment(tmp_path, site)}
    code = "import planlint.model; planlint.model.Text(text=\"x\")"  # validates: pydantic builds a validator
    for _ in range(2):  # a cold cache, then a warm one
        marker.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
        assert marker.exists(), "pydantic's plugin was not loaded"


def test_without_a_pydantic_plugin_a_warm_check_does_not_import_the_metadata_scanner(tmp_path: Path) -> None:
    write(tmp_path, "a.plan", PLAN)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    code = ("import sys\nfrom planlint.cli import main\n"
            "main(['check', '--no-cache', '--exit-zero', 'a.plan'])\n"
            "print(sorted(name for name in ('importlib.metadata', 'email', 'zipfile') if name in sys.modules))")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def cached_file(folder: Path) -> Path:
    installed.entry_points("planlint", folder=folder)  # scans, then stores
    (path,) = folder.glob("entry-points-*.json")
    return path


def planted(folder: Path) -> Path:
    """The cache file for this process's stamp, rewritten (with a valid header) to name a plugin that is not installed."""
    path = cached_file(folder)
    header, _, _ = path.read_bytes().partition(b"\n")
    key = header.split(b" ")[2].decode()
    body = json.dumps({"planlint": [{"name": "planted", "value": "os:system", "dist": "x", "version": "1"}],
                       "pydantic": []}).encode()
    path.unlink()
    private_cache.write(folder, path.name, installed.MAGIC, key, body)
    assert [point.name for point in installed.entry_points("planlint", folder=folder)] == ["planted"]  # it is read
    return path


@requires_root
def test_the_scan_cache_is_not_read_from_a_folder_another_user_owns(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    planted(folder)
    os.chown(folder, NOBODY, NOBODY)
    assert os.stat(folder).st_uid == NOBODY
    assert "planted" not in [point.name for point in installed.entry_points("planlint", folder=folder)]


@requires_root
def test_the_scan_cache_file_must_be_the_users_and_private(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    path = planted(folder)
    os.chown(path, NOBODY, NOBODY)
    assert "planted" not in [point.name for point in installed.entry_points("planlint", folder=folder)]


def test_the_scan_cache_is_not_read_from_a_folder_others_can_enter(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    planted(folder)
    folder.chmod(0o755)
    assert "planted" not in [point.name for point in installed.entry_points("planlint", folder=folder)]


@pytest.mark.parametrize("damage", ["edited", "truncated", "not-the-shape"])
def test_a_damaged_scan_cache_is_a_miss(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    path = planted(folder)
    data = path.read_bytes()
    if damage == "edited":
        path.write_bytes(data.replace(b"planted", b"plantex"))
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # a correct header over a body that is not a list of entry points
        key = data.split(b"\n")[0].split(b" ")[2].decode()
        path.unlink()
        private_cache.write(folder, path.name, installed.MAGIC, key, b'{"planlint": [1], "pydantic": []}')
    names = [point.name for point in installed.entry_points("planlint", folder=folder)]
    assert "planted" not in names and "plantex" not in names
    assert "planted" not in path.read_text()  # the miss was scanned again and stored over it
