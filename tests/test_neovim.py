"""A real editor nobody here wrote: headless Neovim's built-in LSP client against `planlint server`.

Neovim (Debian's ``neovim`` package, installed by .ci/run) opens
samples/form.plan with ``planlint server`` attached, waits for the
diagnostics, and writes what it received to a JSON file; the test compares
them with what ``planlint check --format json`` says about the same file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from _planlint import run

ROOT = Path(__file__).resolve().parent.parent
NVIM = shutil.which("nvim")

pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed: .ci/run installs Debian's neovim")

INIT = """
-- After start-up, once samples/form.plan is loaded into the buffer (VimEnter).
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  local out = os.getenv("PLANLINT_NVIM_OUT")
  local cmd = vim.fn.json_decode(os.getenv("PLANLINT_SERVER_CMD"))
  local client_id = vim.lsp.start_client({ name = "planlint", cmd = cmd, root_dir = vim.fn.getcwd() })
  vim.lsp.buf_attach_client(0, client_id)
  local received = vim.wait(90000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(items, { line = d.lnum, col = d.col, code = d.code or lsp.code, message = d.message,
                          severity = d.severity, source = d.source or lsp.source })
  end
  local file = io.open(out, "w")
  file:write(vim.fn.json_encode({ received = received, diagnostics = items }))
  file:close()
  vim.cmd("qa!")
end })
"""


def test_neovim_receives_the_findings_of_check_for_the_form_sample(tmp_path: Path) -> None:
    assert NVIM is not None
    init = tmp_path / "init.lua"
    init.write_text(INIT, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {**os.environ, "PLANLINT_NVIM_OUT": str(out),
           "PLANLINT_SERVER_CMD": json.dumps([sys.executable, "-m", "planlint", "server"]),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([NVIM, "--headless", "--clean", "-u", str(init), "samples/form.plan"], cwd=ROOT, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180)
    assert out.exists(), f"Neovim wrote nothing (exit {done.returncode}): {done.stdout}{done.stderr}"
    got = json.loads(out.read_text(encoding="utf-8"))
    assert got["received"] is True, "no diagnostics arrived within 90 s"
    check = json.loads(run("check", "--format", "json", "samples/form.plan", cwd=ROOT).out)["files"][0]
    expected = sorted((f["code"], f["line"] - 1, f["column"] - 1, f["message"])
                      for f in check["findings"] if f["suppressed"] is None)
    received = sorted((d["code"], d["line"], d["col"], d["message"]) for d in got["diagnostics"])
    assert received == expected
    assert {d["source"] for d in got["diagnostics"]} == {"planlint"}
    assert {d["severity"] for d in got["diagnostics"]} <= {1, 2, 3}  # error, warning, information
