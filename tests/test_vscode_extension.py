"""The VS Code extension builds offline (npm ci, esbuild) and packages into a
.vsix with @vscode/vsce; the .vsix holds the bundle and the right manifest."""
from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from editor_sample import LEAK

EXT = Path(__file__).resolve().parent.parent / "vscode-extension"


@pytest.fixture(scope="module")
def vsix(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("ext") / "vscode-extension"
    shutil.copytree(EXT, work, ignore=shutil.ignore_patterns("node_modules", "dist", "*.vsix", ".deps"))
    for cmd in (["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                ["npm", "run", "build"],
                ["npx", "--no-install", "vsce", "package", "--no-dependencies", "-o", "pooltrack.vsix"]):
        proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}"
    return work / "pooltrack.vsix"


def test_vsix_contents(vsix):
    with zipfile.ZipFile(vsix) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("extension/package.json"))
        bundle = zf.read("extension/dist/extension.js").decode()
    assert {"extension.vsixmanifest", "extension/package.json", "extension/dist/extension.js",
            "extension/readme.md"} <= names
    # bundled: no sources, no node_modules, no maps
    assert not [n for n in names if "node_modules" in n or n.endswith((".ts", ".map"))]
    assert manifest["main"] == "./dist/extension.js"
    assert set(manifest["activationEvents"]) == {"onLanguage:c", "onLanguage:cpp"}
    assert [c["command"] for c in manifest["contributes"]["commands"]] == ["pooltrack.restartServer"]
    assert manifest["contributes"]["commands"][0]["title"] == "Restart Server"
    assert {"pooltrack.path", "pooltrack.interpreter", "pooltrack.args"} <= set(
        manifest["contributes"]["configuration"]["properties"])
    untrusted = manifest["capabilities"]["untrustedWorkspaces"]
    assert untrusted["supported"] == "limited"
    assert untrusted["restrictedConfigurations"] == ["pooltrack.path", "pooltrack.interpreter", "pooltrack.args"]
    assert manifest["dependencies"] == {"vscode-languageclient": "9.0.1"}
    # vscode-languageclient is inside the bundle, vscode stays external
    assert "vscode-languageclient" in bundle and 'require("vscode")' in bundle
    assert '"analyzer.cli", "lsp"' in bundle
    assert "cannot find" in bundle


def test_lockfile_committed_and_pins_languageclient():
    lock = json.loads((EXT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/vscode-languageclient"]["version"] == "9.0.1"


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_vscode_end_to_end(vsix, tmp_path):
    """code-server 4.100.3 + the .vsix + headless chromium: a PT001 squiggle and
    Problems entry appear for a leaking file and go away once the leak is fixed
    in the editor."""
    import os
    import signal
    import sys
    import time
    import urllib.request

    setup = subprocess.run(["bash", str(EXT / "e2e" / "setup.sh")], capture_output=True, text=True,
                           timeout=1800)
    assert setup.returncode == 0, f"setup.sh failed:\n{setup.stdout}\n{setup.stderr}"
    deps = Path(setup.stdout.strip().splitlines()[-1])
    code_server = deps / "node_modules" / ".bin" / "code-server"

    user, exts, ws, shots = (tmp_path / n for n in ("user", "exts", "ws", "shots"))
    for d in (user / "User", exts, ws, shots):
        d.mkdir(parents=True)
    (ws / "device.c").write_text(LEAK)
    (user / "User" / "settings.json").write_text(json.dumps({
        "pooltrack.interpreter": sys.executable,
        "workbench.startupEditor": "none",
        "workbench.enableExperiments": False,
        "telemetry.telemetryLevel": "off",
        "extensions.autoCheckUpdates": False,
        "extensions.autoUpdate": False,
        "update.mode": "none",
        "security.workspace.trust.enabled": False,
        "editor.autoClosingBrackets": "never",
    }))
    common = ["--user-data-dir", str(user), "--extensions-dir", str(exts)]
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    inst = subprocess.run([str(code_server), *common, "--install-extension", str(vsix)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert inst.returncode == 0 and "pooltrack" in (inst.stdout + inst.stderr), inst.stdout + inst.stderr

    port = _free_port()
    log = open(tmp_path / "code-server.log", "w")
    server = subprocess.Popen(
        [str(code_server), *common, "--bind-addr", f"127.0.0.1:{port}", "--auth", "none",
         "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
         "--disable-getting-started-override", str(ws)],
        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/?folder={ws}"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "code-server.log").read_text()
                assert time.monotonic() < deadline, "code-server did not come up"
                time.sleep(0.5)
        run = subprocess.run(
            ["node", str(EXT / "e2e" / "e2e.cjs"), url, "device.c", str(shots)],
            capture_output=True, text=True, timeout=600,
            env=dict(os.environ, PLAYWRIGHT_CORE=str(deps / "node_modules" / "playwright-core")))
        steps = [json.loads(line)["step"] for line in run.stdout.splitlines() if line.startswith("{")]
        assert run.returncode == 0, (f"e2e failed after {steps} (screenshots in {shots}):\n"
                                     f"{run.stdout}\n{run.stderr}\n--- code-server log:\n"
                                     f"{(tmp_path / 'code-server.log').read_text()[-4000:]}")
        assert steps == ["workbench", "opened", "squiggle", "problem", "edited", "squiggle-gone",
                         "problem-gone", "ok"]
        problem = [json.loads(line) for line in run.stdout.splitlines() if '"problem"' in line][0]
        assert "PT001" in problem["text"] and "ExAllocatePool2" in problem["text"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
