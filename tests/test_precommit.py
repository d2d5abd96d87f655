"""The pre-commit hook, run by the real ``pre-commit`` tool (test extra).

The hook repository is a snapshot of this checkout (its tracked and
not-ignored files) committed into a temporary git repository with fixed
dates, so the commit id, and with it pre-commit's installed hook
environment, only changes when the sources do; the environment is cached in
pytest's cache directory (git-ignored).  Installing it needs PyPI (pip
installs pooltrack and its dependencies into the hook's virtualenv) and
nothing else.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
FIXED_DATE = "2024-01-01T00:00:00+0000"

LEAKY = """\
NTSTATUS ReadConfig(PDEVICE_OBJECT Device)
{
    PVOID buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, 'gfCP');
    if (buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (!NT_SUCCESS(QueryRegistry(Device))) {
        return STATUS_UNSUCCESSFUL;
    }
    ExFreePoolWithTag(buffer, 'gfCP');
    return STATUS_SUCCESS;
}
"""
FIXED = LEAKY.replace("        return STATUS_UNSUCCESSFUL;",
                      "        ExFreePoolWithTag(buffer, 'gfCP');\n        return STATUS_UNSUCCESSFUL;")
OTHER_LEAK = """\
VOID Other(void)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'rhtO');
}
"""


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_AUTHOR_DATE=FIXED_DATE, GIT_COMMITTER_DATE=FIXED_DATE,
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check, env=env)


def test_hook_definition():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = {h["id"]: h for h in hooks}["pooltrack"]
    assert hook["language"] == "python"
    assert hook["entry"] == "pooltrack check"
    assert hook["types_or"] == ["c", "c++"]
    assert hook["require_serial"] is True
    assert "--changed-files" in hook["args"]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    dest = tmp_path_factory.mktemp("hookrepo")
    files = git(REPO, "ls-files", "-co", "--exclude-standard", "-z").stdout.split("\0")
    for rel in filter(None, files):
        src = REPO / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "snapshot")
    return dest, git(dest, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="module")
def pc_env(pytestconfig, tmp_path_factory) -> dict:
    cache = getattr(pytestconfig, "cache", None)
    home = Path(cache.mkdir("pre-commit-home")) if cache else tmp_path_factory.mktemp("pchome")
    return dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never",
                GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")


def pre_commit(cwd: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=900)


def project(tmp_path: Path) -> Path:
    proj = tmp_path / "proj"
    (proj / "drv").mkdir(parents=True)
    (proj / "drv" / "read.c").write_text(LEAKY)
    (proj / "drv" / "other.c").write_text(OTHER_LEAK)     # context only, never reported
    (proj / "notes.txt").write_text("not C\n")
    git(proj, "init", "-q")
    return proj


def test_try_repo_reports_only_the_given_file(tmp_path, hook_repo, pc_env):
    repo, _ = hook_repo
    proj = project(tmp_path)
    git(proj, "add", "-A")
    proc = pre_commit(proj, pc_env, "try-repo", str(repo), "pooltrack", "--files", "drv/read.c")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "drv/read.c:3:20: warning:" in out and "[PT001]" in out
    assert "other.c:3" not in out            # other.c was context only
    assert "1 finding in 2 files" in out


def test_commit_blocked_by_leak_then_allowed(tmp_path, hook_repo, pc_env):
    repo, rev = hook_repo
    proj = project(tmp_path)
    (proj / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: pooltrack\n")
    proc = pre_commit(proj, pc_env, "install")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    git(proj, "add", ".pre-commit-config.yaml", "drv/read.c", "notes.txt")
    blocked = git(proj, "commit", "-m", "leaky", check=False)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    assert "PT001" in blocked.stdout + blocked.stderr
    assert git(proj, "rev-parse", "--verify", "HEAD", check=False).returncode != 0

    (proj / "drv" / "read.c").write_text(FIXED)
    git(proj, "add", "drv/read.c")
    done = git(proj, "commit", "-m", "fixed", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pooltrack" in done.stdout + done.stderr and "Passed" in done.stdout + done.stderr
