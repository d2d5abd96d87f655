"""Bad input gets a clear message and never costs the other files their results."""
import os
from pathlib import Path

import pytest

from analyzer.engine import Config, analyze

LEAK = b"""NTSTATUS Leaky(PDEVICE_OBJECT Dev)
{
    PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 64, 'kaeL');
    if (p == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Dev->Flags) {
        return STATUS_UNSUCCESSFUL;
    }
    ExFreePoolWithTag(p, 'kaeL');
    return STATUS_SUCCESS;
}
"""


def _analyze(tmp_path, files: dict[str, bytes], jobs=1):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.c").write_bytes(LEAK)
    return analyze([str(tmp_path)], Config(jobs=jobs))


def _good_finding_survives(result, tmp_path):
    good = [f for f in result.findings if f.path.endswith("good.c")]
    assert [(f.rule_id, f.loc.line) for f in good] == [("PT001", 3)]


@pytest.mark.parametrize("name,data", [
    ("empty.c", b""),
    ("garbage.c", bytes(range(256)) * 40),
    ("invalid_utf8.c", b"int f(void) { char *s = \"\xff\xfe\xc3\x28\"; return 0; }\n"),
    ("unterminated.c", b"int f(void) {\n /* never closed\n return 0;\n"),
    ("nul.c", b"\x00" * 1000),
    ("unbalanced.c", b"void f( { { { ) ) ]\n"),
])
def test_odd_files_never_stop_the_others(tmp_path, name, data):
    result = _analyze(tmp_path, {name: data})
    _good_finding_survives(result, tmp_path)
    assert not [n for n in result.notifications if n.kind == "internal-error"]
    assert result.files_analyzed == 2


def test_crlf_and_bom_keep_lines_and_columns(tmp_path):
    crlf = LEAK.replace(b"\n", b"\r\n")
    (tmp_path / "crlf.c").write_bytes(crlf)
    (tmp_path / "bom.c").write_bytes(b"\xef\xbb\xbf" + LEAK)
    result = analyze([str(tmp_path)], Config(jobs=1))
    locs = sorted((Path(f.path).name, f.loc.line, f.loc.col) for f in result.findings)
    # The BOM is not a character of the first line; line 3 is unaffected.
    assert locs == [("bom.c", 3, 15), ("crlf.c", 3, 15)]


def test_non_ascii_columns_count_code_points(tmp_path):
    src = LEAK.replace(b"    PVOID p =", "    /*é*/PVOID p =".encode())
    (tmp_path / "u.c").write_bytes(src)
    (finding,) = analyze([str(tmp_path)], Config(jobs=1)).findings
    assert (finding.loc.line, finding.loc.col) == (3, 20)


def test_unreadable_file_is_reported_and_others_analyzed(tmp_path):
    os.symlink("/proc/self/mem", tmp_path / "unreadable.c")   # reading it fails with EIO
    os.symlink(tmp_path / "nowhere.c", tmp_path / "dangling.c")
    result = _analyze(tmp_path, {})
    _good_finding_survives(result, tmp_path)
    errors = {Path(n.path).name: n.message for n in result.notifications if n.kind == "read-error"}
    assert errors["unreadable.c"].startswith("cannot read: Input/output error")
    assert errors["dangling.c"].startswith("cannot read: No such file")
    assert result.files_failed == 1


def test_ten_thousand_line_function_is_analyzed(tmp_path):
    body = "".join(f"    if (Dev->Flags & {i}) {{ Dev->Count += {i}; }}\n" for i in range(10_000))
    src = (b"NTSTATUS Big(PDEVICE_OBJECT Dev)\n{\n"
           b"    PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 64, 'giBx');\n"
           b"    if (p == NULL) { return STATUS_INSUFFICIENT_RESOURCES; }\n"
           + body.encode() + b"    if (Dev->Broken) { return STATUS_UNSUCCESSFUL; }\n"
           b"    ExFreePool(p);\n    return STATUS_SUCCESS;\n}\n")
    result = _analyze(tmp_path, {"big.c": src})
    big = [f for f in result.findings if f.path.endswith("big.c")]
    assert [(f.loc.line, f.rule_id) for f in big] == [(3, "PT001")]
    assert big[0].related[0].loc.line == 10_005


def test_deep_nesting(tmp_path):
    depth = 200
    opening = "".join(f"{'  ' * i}if (Dev->Level > {i}) {{\n" for i in range(depth))
    closing = "}\n" * depth
    src = ("NTSTATUS Deep(PDEVICE_OBJECT Dev)\n{\n"
           "    PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 64, 'peeD');\n"
           "    if (!p) return STATUS_INSUFFICIENT_RESOURCES;\n"
           + opening + "return STATUS_UNSUCCESSFUL;\n" + closing +
           "    ExFreePool(p);\n    return STATUS_SUCCESS;\n}\n").encode()
    result = _analyze(tmp_path, {"deep.c": src})
    deep = [f for f in result.findings if f.path.endswith("deep.c")]
    assert [(f.loc.line, f.rule_id) for f in deep] == [(3, "PT001")]


def test_bound_hit_is_reported(tmp_path):
    # Each independent allocation doubles the states: the per-node cap must trip.
    allocs = "".join(
        f"    PVOID p{i} = ExAllocatePoolWithTag(NonPagedPoolNx, 8, 'xxxx');\n"
        f"    if (Dev->Flags & {1 << (i % 30)}) {{ ExFreePool(p{i}); }} else {{ Keep(p{i}); }}\n"
        for i in range(12))
    src = f"VOID Many(PDEVICE_OBJECT Dev)\n{{\n{allocs}}}\n".encode()
    result = _analyze(tmp_path, {"many.c": src})
    notes = [n for n in result.notifications if n.kind == "bound-hit"]
    assert notes and "Many" in notes[0].message and "bound hit" in notes[0].message
    _good_finding_survives(result, tmp_path)
