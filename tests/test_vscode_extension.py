"""The VS Code extension builds offline (npm ci, esbuild) and packages into a
.vsix with @vscode/vsce; the .vsix holds the bundle and the right manifest."""
from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

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
