"""Issue 7: bounded, deterministic, interruptible, safe on untrusted trees.

Bound tests check the notifications, never times (bench/peak_rss.py measures).
"""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analyzer.emit.sarif import sarif_text
from analyzer.engine import Config, analyze
from analyzer.explore import Limits

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
LEAK = (CORPUS / "pt001" / "pool_overwritten_pointer_leak.c").read_bytes()


def _bound_hits(result, path):
    return [n for n in result.notifications if n.kind == "bound-hit" and n.path == path]


def _leak_still_found(result):
    assert any(f.path == "leak.c" for f in result.findings), "the other file was not analyzed"


# ------------------------------------------------------------------ bounds
def branchy(n: int) -> bytes:
    """Thousands of sequential branches, each with its own allocation."""
    s = ["NTSTATUS Branchy(int *c) {", "  PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'tseT');"]
    for i in range(n):
        s.append(f"  if (c[{i}]) {{ PVOID q{i} = ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, 'tseT');"
                 f" if (c[{i + 1}]) ExFreePoolWithTag(q{i}, 'tseT'); else goto out; }}")
    s.append("out:\n  ExFreePoolWithTag(p, 'tseT');\n  return 0;\n}\n")
    return "\n".join(s).encode()


def nested_loops(depth: int) -> bytes:
    """Deeply nested loops with gotos jumping back out of them."""
    s = ["NTSTATUS Loops(int *c) {", "  PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'tseT');"]
    for i in range(depth):
        s.append(f"  while (c[{i}]) {{ L{i}: if (c[{i}] == 2) goto L{max(0, i - 3)};"
                 f" if (c[{i}] == 3) {{ ExFreePoolWithTag(p, 'tseT');"
                 f" p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'tseT'); }}")
    s += ["  }"] * depth
    s.append("  ExFreePoolWithTag(p, 'tseT');\n  return 0;\n}\n")
    return "\n".join(s).encode()


def wide(n: int) -> bytes:
    """Many live allocations at once: every state is big (the work budget)."""
    s = ["NTSTATUS Wide(int *c) {"]
    s += [f"  PVOID q{i} = ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, 'tseT');" for i in range(n)]
    s += [f"  if (c[{i}]) c[{i + 1}] = 1;" for i in range(n)]
    s += [f"  ExFreePoolWithTag(q{i}, 'tseT');" for i in range(n)]
    s.append("  return 0;\n}\n")
    return "\n".join(s).encode()


def test_thousands_of_branches_hit_the_step_bound():
    result = analyze([], Config(jobs=1), buffers={"branchy.c": branchy(3000), "leak.c": LEAK})
    hits = _bound_hits(result, "branchy.c")
    assert hits and "Branchy" in hits[0].message and "steps" in hits[0].message
    _leak_still_found(result)


def test_nested_loops_with_gotos_hit_the_state_bound():
    result = analyze([], Config(jobs=1), buffers={"loops.c": nested_loops(40), "leak.c": LEAK})
    hits = _bound_hits(result, "loops.c")
    assert hits and "distinct states" in hits[0].message
    _leak_still_found(result)


def test_huge_states_hit_the_work_bound():
    config = Config(jobs=1, limits=Limits(max_work=200_000))
    result = analyze([], config, buffers={"wide.c": wide(300), "leak.c": LEAK})
    hits = _bound_hits(result, "wide.c")
    assert hits and "units of state work" in hits[0].message
    _leak_still_found(result)


def test_function_wall_clock_budget_is_reported():
    config = Config(jobs=1, limits=Limits(max_seconds=1e-9))
    result = analyze([], config, buffers={"branchy.c": branchy(200)})
    hits = _bound_hits(result, "branchy.c")
    assert hits and "more than 1e-09 s" in hits[0].message


def test_file_wall_clock_budget_is_reported():
    config = Config(jobs=1, limits=Limits(max_file_seconds=1e-9))
    result = analyze([], config, buffers={"two.c": LEAK + branchy(5)})
    hits = _bound_hits(result, "two.c")
    assert hits and "function(s) not analyzed" in hits[0].message


def test_one_10mb_line_is_skipped_with_a_notification(tmp_path):
    (tmp_path / "oneline.c").write_bytes(b"int x = " + b"1 + " * (10 * 2**20 // 4) + b"1;\n")
    # Under the size limit but with a 2 MiB line: the line-length guard.
    (tmp_path / "minified.c").write_bytes(LEAK + b"int y = " + b"1 + " * (2 * 2**20 // 4) + b"1;\n")
    (tmp_path / "leak.c").write_bytes(LEAK)
    result = analyze([str(tmp_path)], Config(jobs=1))
    hits = {Path(n.path).name: n.message for n in result.notifications if n.kind == "bound-hit"}
    assert "file skipped" in hits["oneline.c"]
    long_line = LEAK.count(b"\n") + 1
    assert hits["minified.c"].startswith(f"line {long_line} is 2048 KiB long")
    assert "file skipped" in hits["minified.c"]
    assert [Path(f.path).name for f in result.findings] == ["leak.c"]


def test_a_50mb_file_is_skipped_with_a_notification(tmp_path):
    line = b"static const unsigned char fw[] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05 };\n"
    with open(tmp_path / "big.c", "wb") as fh:
        fh.write(line * (50 * 2**20 // len(line)))
    (tmp_path / "leak.c").write_bytes(LEAK)
    for jobs in (1, 2):
        result = analyze([str(tmp_path)], Config(jobs=jobs))
        hits = [n for n in result.notifications if n.kind == "bound-hit" and n.path.endswith("big.c")]
        assert hits and "MiB limit; file skipped" in hits[0].message
        assert any(f.path.endswith("leak.c") for f in result.findings)


def test_buffers_get_the_same_file_guards():
    config = Config(jobs=1, limits=Limits(max_file_bytes=len(LEAK)))
    result = analyze([], config, buffers={"big.c": b"int x;\n" * len(LEAK), "leak.c": LEAK})
    assert "file skipped" in _bound_hits(result, "big.c")[0].message
    _leak_still_found(result)


# ------------------------------------------------------------ determinism
def test_sarif_is_identical_for_any_worker_count_and_file_order():
    files = sorted(str(p) for p in CORPUS.rglob("*.c"))
    texts = set()
    for jobs, order in ((1, files), (2, files), (2, files[::-1]), (1, files[::-1])):
        texts.add(sarif_text(analyze(order, Config(jobs=jobs)), root=str(ROOT)))
    assert len(texts) == 1


def test_sarif_is_identical_across_hash_seeds_and_processes():
    outputs = set()
    for seed, jobs in (("0", "1"), ("1", "2"), ("12345", "2"), ("random", "1")):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-m", "analyzer.cli", "check", "tests/corpus", "--format",
                               "sarif", "--no-progress", "-j", jobs], cwd=ROOT, env=env,
                              capture_output=True, timeout=600)
        assert proc.returncode in (0, 1), proc.stderr.decode()
        outputs.add(proc.stdout)
    assert len(outputs) == 1


# ----------------------------------------------------------------- Ctrl-C
def _processes_in_group(pgid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry))
    return found


@pytest.mark.parametrize("whom", ["parent", "group"])
def test_ctrl_c_exits_promptly_and_leaves_no_workers(tmp_path, whom):
    # Slow files (each takes seconds) so that workers are busy mid-file when the signal comes.
    for i in range(4):
        (tmp_path / f"slow{i}.c").write_bytes(branchy(3000))
    for i in range(400):
        (tmp_path / f"f{i}.c").write_bytes(LEAK)
    proc = subprocess.Popen([sys.executable, "-m", "analyzer.cli", "check", str(tmp_path), "-j", "2",
                             "--no-progress", "--format", "sarif", "-o", str(tmp_path / "out.sarif")],
                            cwd=ROOT, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(_processes_in_group(proc.pid)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)   # wait for the workers to exist
        time.sleep(1.0)
        if whom == "parent":
            proc.send_signal(signal.SIGINT)      # e.g. kill -INT, timeout(1)
        else:
            os.killpg(proc.pid, signal.SIGINT)   # what a terminal's Ctrl-C does
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert "interrupted" in err.decode()
    assert "Traceback" not in err.decode()
    deadline = time.monotonic() + 5
    while _processes_in_group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _processes_in_group(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"worker processes outlived the command: {left}"


# ------------------------------------------------- untrusted directory trees
def test_symlink_loops_are_not_followed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "leak.c").write_bytes(LEAK)
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    os.symlink(tmp_path / "a", tmp_path / "a" / "self")
    os.symlink("missing.c", tmp_path / "a" / "dangling.c")
    os.symlink("ping.c", tmp_path / "pong.c")
    os.symlink("pong.c", tmp_path / "ping.c")
    result = analyze([str(tmp_path)], Config(jobs=1))
    assert result.files_analyzed == 1
    assert [f.path for f in result.findings] == [(tmp_path / "a" / "leak.c").as_posix()]


def test_unreadable_directory_is_a_warning(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.c").write_bytes(LEAK)
    (tmp_path / "leak.c").write_bytes(LEAK)
    locked.chmod(0)
    # root may list a mode-000 directory anyway: make listing it fail as it would for anyone else.
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    try:
        result = analyze([str(tmp_path)], Config(jobs=1))
    finally:
        locked.chmod(0o755)
    assert any(n.kind == "read-error" and n.path.endswith("locked") for n in result.notifications)
    assert result.files_analyzed == 1


def test_fifos_are_never_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.c")
    (tmp_path / "leak.c").write_bytes(LEAK)
    result = analyze([str(tmp_path)], Config(jobs=1))          # a blocking open would hang here
    assert result.files_analyzed == 1
    given = analyze([str(tmp_path / "pipe.c")], Config(jobs=1))
    assert given.files_analyzed == 0
    assert any(n.kind == "read-error" for n in given.notifications)


def test_fifo_swapped_in_after_discovery_does_not_block(tmp_path):
    from analyzer import engine
    os.mkfifo(tmp_path / "late.c")
    engine._init_worker(engine.default_knowledge(), Limits(), "tree-sitter")
    report = engine._run_job(engine._Job("late.c", str(tmp_path / "late.c")))
    assert [n.kind for n in report.notifications] == ["read-error"]


def test_non_utf8_file_names(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9-\xff.c"
    with open(raw, "wb") as fh:
        fh.write(LEAK)
    result = analyze([str(tmp_path)], Config(jobs=1))
    assert result.files_analyzed == 1 and len(result.findings) == 1
    log = json.loads(sarif_text(result, root=str(tmp_path)))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "caf%E9-%FF.c"
    for fmt in ("text", "json", "sarif"):
        proc = subprocess.run([sys.executable, "-m", "analyzer.cli", "check", str(tmp_path), "--format", fmt,
                               "--no-progress", "--root", str(tmp_path)],
                              cwd=ROOT, capture_output=True, timeout=120)
        assert proc.returncode == 1, (fmt, proc.stderr.decode(errors="replace"))
        assert b"Traceback" not in proc.stderr


def _all_uris(log):
    stack, found = [log], []
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "uri" and isinstance(v, str):
                    found.append(v)
                else:
                    stack.append(v)
        elif isinstance(x, list):
            stack.extend(x)
    return found


def test_sarif_uris_never_climb_out_of_the_root(tmp_path, monkeypatch):
    root = tmp_path / "src"
    (root / "drv").mkdir(parents=True)
    (root / "drv" / "leak.c").write_bytes(LEAK)
    (tmp_path / "outside.c").write_bytes(LEAK)
    os.symlink(tmp_path / "outside.c", root / "drv" / "link.c")
    monkeypatch.chdir(root / "drv")
    paths = ["../drv/leak.c", "../../outside.c", "./../../src/drv/../../outside.c",
             str(root / "drv" / ".." / "drv" / "link.c")]
    result = analyze(paths, Config(jobs=1))
    assert len(result.findings) >= 3
    log = json.loads(sarif_text(result, root=str(root)))
    uris = _all_uris(log)
    assert uris
    for uri in uris:
        assert ".." not in uri.split("/"), uri
        assert "%2E%2E" not in uri.upper(), uri
    results = log["runs"][0]["results"]
    bases = {r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId") for r in results}
    assert "%SRCROOT%" in bases
    outside = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file://")]
    assert outside and all("uriBaseId" not in a for a in outside)
