"""`pooltrack lsp` in real editors other than VS Code: headless Neovim
(tests/editors/pooltrack.lua) and Emacs with Eglot (tests/editors/pooltrack-eglot.el)
open a leaking driver file, and the PT001 diagnostic reaches the editor's own
diagnostic store (vim.diagnostic, Flymake) on the right line.

The editor configurations are the ones README.md's "Editors" section shows; the
test only points them at this interpreter's server. A missing editor is a
failure naming the Debian package to install, never a skip."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from editor_sample import LEAK, LEAK_LINE, LEAK_COLUMN

EDITORS = Path(__file__).resolve().parent / "editors"
SERVER = [sys.executable, "-m", "analyzer.cli", "lsp"]
WAIT_MS = 30_000                # the editor waits this long for diagnostics ...
HARD_TIMEOUT = WAIT_MS / 1000 + 30  # ... and is killed (with its server) after this


DIAG = re.compile(r"^DIAG (\d+):(\d+) (\S+) (.*)$", re.M)


def _editor(binary: str, package: str) -> str:
    path = shutil.which(binary)
    assert path, (f"`{binary}` is not installed: this test runs the real editor; "
                  f"install it with `sudo apt-get install -y {package}`")
    return path


def _isolated_env(tmp_path: Path) -> dict:
    """No user configuration or plugins: HOME and the XDG directories are empty."""
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_STATE_HOME=str(home / ".local/state"),
               XDG_CACHE_HOME=str(home / ".cache"), POOLTRACK_WAIT_MS=str(WAIT_MS), TERM="dumb")
    env.pop("VIMINIT", None)
    env.pop("EMACSLOADPATH", None)
    return env


def _run(cmd: list[str], cwd: Path, env: dict) -> tuple[subprocess.CompletedProcess, float]:
    """Run an editor in its own process group; on timeout kill the group (the
    editor and the language server it started) so nothing outlives the test."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=HARD_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise AssertionError(f"{cmd[0]} still running after {HARD_TIMEOUT}s, killed\n"
                             f"stdout:\n{out}\nstderr:\n{err}") from None
    finally:
        try:                        # a server left behind by an editor that exited
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), time.monotonic() - start


def _assert_leak_reported(proc: subprocess.CompletedProcess, elapsed: float) -> None:
    report = f"exit {proc.returncode} after {elapsed:.1f}s\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.returncode == 0, report
    diags = [(int(line), int(col), code, msg) for line, col, code, msg in DIAG.findall(proc.stdout)]
    assert [(line, code) for line, _, code, _ in diags] == [(LEAK_LINE, "PT001")], report
    _, col, _, msg = diags[0]
    assert col == LEAK_COLUMN, report
    assert "ExAllocatePool2" in msg and "ReadConfig" in msg and "line 15" in msg, report


def test_neovim_shows_the_leak(tmp_path):
    nvim = _editor("nvim", "neovim")
    (tmp_path / "leak.c").write_text(LEAK)
    cmd = [nvim, "--headless", "-n", "-i", "NONE",
           "--cmd", f"let g:pooltrack_cmd = {json.dumps(SERVER)}",
           "-u", str(EDITORS / "pooltrack.lua"),
           "-c", f"luafile {EDITORS / 'nvim_report.lua'}",
           "leak.c"]
    proc, elapsed = _run(cmd, tmp_path, _isolated_env(tmp_path))
    assert "FILETYPE c CLIENTS 1" in proc.stdout, proc.stdout + proc.stderr
    _assert_leak_reported(proc, elapsed)


def _elisp_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_emacs_eglot_shows_the_leak(tmp_path):
    emacs = _editor("emacs", "emacs-nox elpa-eglot")
    (tmp_path / "leak.c").write_text(LEAK)
    server = "(list " + " ".join(_elisp_string(a) for a in SERVER) + ")"
    cmd = [emacs, "--batch",
           "--eval", f"(setq pooltrack-command {server})",
           "-l", str(EDITORS / "pooltrack-eglot.el"),
           "-l", str(EDITORS / "eglot-report.el"),
           "leak.c"]
    proc, elapsed = _run(cmd, tmp_path, _isolated_env(tmp_path))
    assert "MODE c-mode MANAGED t" in proc.stdout, (
        f"Eglot did not manage the buffer (on Emacs 28 install elpa-eglot)\n{proc.stdout}\n{proc.stderr}")
    _assert_leak_reported(proc, elapsed)


def test_readme_shows_the_tested_configurations():
    """README's Editors section shows these very configurations, line for line."""
    readme = (EDITORS.parent.parent / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Editors\n(.*?)^## ", readme, re.S | re.M)
    assert section, "README.md lacks the `## Editors` section"
    for lang, config in (("lua", "pooltrack.lua"), ("elisp", "pooltrack-eglot.el")):
        block = re.search(rf"```{lang}\n(.*?)```", section.group(1), re.S)
        assert block, f"no {lang} snippet in README's Editors section"
        body = [line for line in (EDITORS / config).read_text().splitlines()
                if line.strip() and not line.lstrip().startswith(("--", ";;"))]
        shown = [line for line in block.group(1).splitlines() if line.strip()]
        assert shown == body, f"README's {lang} snippet differs from tests/editors/{config}"
    for text in ("npm ci && npm run build && npx vsce package --no-dependencies",
                 "code --install-extension pooltrack-*.vsix", "`pooltrack.path`",
                 "`pooltrack.interpreter`", "`pooltrack.args`"):
        assert text in section.group(1), text
