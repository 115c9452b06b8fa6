"""`pip install .` and `pip install -e .` both work and install only the `planlint` import name."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _venv_with_our_dependencies(tmp_path: Path) -> tuple[Path, Path]:
    """A fresh venv that sees this interpreter's packages (lark, pydantic...) through a .pth file,
    so the test installs planlint itself without touching the network."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  check=True, capture_output=True, text=True).stdout.strip())
    parents = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (purelib / "_parent_site.pth").write_text("\n".join(sorted(parents)) + "\n")
    return python, purelib


def _pip_install(python: Path, *args: str) -> None:
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    result = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "-q", *args],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr


def _planlint_rules(python: Path) -> str:
    result = subprocess.run([str(python), "-m", "planlint", "rules"], capture_output=True, text=True, cwd="/")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("editable", [False, True], ids=["pip-install", "pip-install-e"])
def test_install_exposes_only_the_planlint_package(tmp_path: Path, editable: bool) -> None:
    python, purelib = _venv_with_our_dependencies(tmp_path)
    _pip_install(python, *(["-e", str(ROOT)] if editable else [str(ROOT)]))
    assert "PL101" in _planlint_rules(python)
    assert not (purelib / "rules").exists() and not (purelib / "linter").exists()
    if not editable:
        assert (purelib / "planlint" / "rules" / "builtin" / "__init__.py").exists()
    script = python.parent / "planlint"
    assert script.exists(), "the console script 'planlint' was not installed"
