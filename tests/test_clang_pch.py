"""The clang frontend's speed-ups must not change what it sees: kernel-mode
files parse against precompiled mingw-w64 headers (analyzer/frontend/pch.py),
user-mode files go to tree-sitter (analyzer/frontend/includes.py)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from analyzer.frontend.clang import ClangFrontend, mingw_available
from analyzer.frontend.includes import is_kernel_mode, is_user_mode, reached_headers

sys.path.insert(0, str(Path(__file__).parent))
from test_clang_frontend import CORPUS, dump  # noqa: E402

sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))


# ------------------------------------------------------------ which mode
def test_reached_headers_follow_project_includes(tmp_path):
    (tmp_path / "inc").mkdir()
    (tmp_path / "driver.h").write_text('#include <ntddk.h>\n#include "common.h"\n')
    (tmp_path / "inc" / "common.h").write_text('#include <wdf.h>\n#include "driver.h"\n')  # a cycle
    src = b'#include "driver.h"\n#include "missing.h"\n'
    path = str(tmp_path / "driver.c")
    assert reached_headers(path, src) == {"driver.h", "missing.h", "ntddk.h", "common.h"}
    assert reached_headers(path, src, [str(tmp_path / "inc")]) == {
        "driver.h", "missing.h", "ntddk.h", "common.h", "wdf.h"}


@pytest.mark.parametrize("headers, user, kernel", [
    ({"windows.h"}, True, False),
    ({"wdf.h", "windows.h"}, True, False),        # a UMDF 2 driver
    ({"wdf.h"}, False, True),                     # KMDF
    ({"ntddk.h", "wdf.h"}, False, True),
    ({"ks.h", "windows.h"}, True, False),         # a user-mode KS client
    ({"ntddk.h", "windows.h"}, False, True),      # kernel code wins
    ({"driver.h"}, False, False),                 # unknown: clang parses it without a PCH
])
def test_user_and_kernel_mode(headers, user, kernel):
    assert is_user_mode(headers) == user
    assert is_kernel_mode(headers) == kernel


def test_user_mode_code_is_lowered_by_tree_sitter(tmp_path):
    src = b"#include <windows.h>\nint Main(void) { void *p = HeapAlloc(0, 0, 8); return p != 0; }\n"
    path = tmp_path / "app.c"
    path.write_bytes(src)
    unit = ClangFrontend(headers="shim").parse_unit(str(path), src)
    assert [(f.name, f.fallback, f.body is not None) for f in unit.functions] == [("Main", True, True)]


# ------------------------------------------------------------ precompiled headers
def require_mingw():
    assert mingw_available(), "CI must install mingw-w64-x86-64-dev (apt)"


def test_precompiled_headers_are_built_once_and_shared(tmp_path, monkeypatch):
    require_mingw()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = CORPUS / "clang/macro_free_ok.c"
    ClangFrontend(headers="mingw").parse_unit(str(path), path.read_bytes())
    built = sorted((tmp_path / "pooltrack" / "pch").glob("*.pch"))
    assert len(built) == 1
    inode = built[0].stat().st_ino                  # a rebuild replaces the file
    ClangFrontend(headers="mingw").parse_unit(str(path), path.read_bytes())   # another process, say
    assert sorted((tmp_path / "pooltrack" / "pch").glob("*")) == built
    assert built[0].stat().st_ino == inode


def test_a_corrupt_precompiled_header_is_dropped(tmp_path, monkeypatch):
    require_mingw()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = CORPUS / "clang/macro_alloc_leak.c"
    good = ClangFrontend(headers="mingw").parse_unit(str(path), path.read_bytes())
    (pch,) = (tmp_path / "pooltrack" / "pch").glob("*.pch")
    pch.write_bytes(b"not a PCH")
    again = ClangFrontend(headers="mingw").parse_unit(str(path), path.read_bytes())
    assert not pch.exists()
    assert [dump(f.body) for f in again.functions] == [dump(f.body) for f in good.functions]


# Files with macros used from the headers (NULL, STATUS_*, NT_SUCCESS), macro
# allocations, #ifdef branches, WDF and C++.
PCH_CASES = sorted(str(p.relative_to(CORPUS)) for p in (CORPUS / "clang").glob("*.c*")) + [
    "pt001/mdl_pages_both_frees_ok.c", "pt001/pool3_priority_param_leak.c",
    "pt001/mdl_probe_except_leak.c", "pt001/kmdf_context_store_ok.c", "cpp/stream_buffers.cpp",
    "pt002/kmdf_context_no_cleanup/device.c",
]


@pytest.mark.parametrize("case", PCH_CASES)
def test_precompiled_headers_do_not_change_the_ir(case, tmp_path, monkeypatch):
    require_mingw()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = CORPUS / case
    if not path.exists():
        pytest.fail(f"corpus case {case} is gone: update PCH_CASES")
    src = path.read_bytes()
    plain = ClangFrontend(headers="mingw", precompile=False).parse_unit(str(path), src)
    fast = ClangFrontend(headers="mingw").parse_unit(str(path), src)
    assert list((tmp_path / "pooltrack" / "pch").glob("*.pch")), "no PCH was used"
    assert [(f.name, f.has_error, f.fallback, sorted(f.callees)) for f in fast.functions] == \
        [(f.name, f.has_error, f.fallback, sorted(f.callees)) for f in plain.functions]
    assert [dump(f.body) for f in fast.functions] == [dump(f.body) for f in plain.functions]
    assert fast.macros == plain.macros and fast.globals == plain.globals


def test_the_cache_keeps_the_recently_used_under_its_limit(tmp_path):
    from analyzer.frontend.pch import prune
    for i, name in enumerate(["old", "mid", "new"]):
        path = tmp_path / f"{name}.pch"
        path.write_bytes(b"x" * 100)
        os.utime(path, ns=(i * 10**9, i * 10**9))
    prune(tmp_path, keep=tmp_path / "old.pch", limit=200)
    assert sorted(p.name for p in tmp_path.glob("*.pch")) == ["new.pch", "old.pch"]


# ------------------------------------------------------------ a shared precomp.h
def test_leading_includes(tmp_path):
    from analyzer.frontend.includes import leading_includes
    (tmp_path / "precomp.h").write_text("#pragma once\n")
    src = (b"/*++ Module: x.c\n   two lines --*/\n// a comment\n\n"
           b'#include "precomp.h"   // the project\'s headers\n'
           b"#include <ntddk.h>\n"
           b'#include "x.tmh"\n'            # generated at build time: not on disk, the PCH stops here
           b"#define TAG 'gaT1'\n")
    end, lines = leading_includes(src, str(tmp_path), ["/usr/x86_64-w64-mingw32/include/ddk"])
    assert lines == b'#include "precomp.h"\n#include <ntddk.h>\n'
    assert src[:end].endswith(b"#include <ntddk.h>")
    assert leading_includes(b"#define X 1\n#include <ntddk.h>\n", str(tmp_path), []) == (0, b"")


GUARDLESS = b"""struct SHARED_STATE { PVOID Buffer; ULONG Length; };
#define SHARED_TAG 'dhS1'
"""


def driver_file(name: str) -> bytes:
    return b"""// %s: opens with the same project header as its sibling.
#include <ntddk.h>
#include "shared.h"

NTSTATUS Fill%s(struct SHARED_STATE *State, ULONG Length)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, SHARED_TAG);
    if (p == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Length == 0) {
        return STATUS_INVALID_PARAMETER;
    }
    State->Buffer = p;
    return STATUS_SUCCESS;
}
""" % (name.encode(), name.encode())


def test_a_shared_opening_header_is_precompiled_once_and_not_included_twice(tmp_path, monkeypatch):
    require_mingw()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "shared.h").write_bytes(GUARDLESS)   # no include guard: twice would be a redefinition
    for name in ("A", "B"):
        (tmp_path / f"{name}.c").write_bytes(driver_file(name))
    fe = ClangFrontend(headers="mingw")
    units = {n: fe.parse_unit(str(tmp_path / f"{n}.c"), driver_file(n)) for n in ("A", "B")}
    plain = ClangFrontend(headers="mingw", precompile=False)
    for name, unit in units.items():
        (fn,) = unit.functions
        assert (fn.name, fn.has_error, fn.fallback) == (f"Fill{name}", False, False)
        assert not unit.errors
        (ref,) = plain.parse_unit(str(tmp_path / f"{name}.c"), driver_file(name)).functions
        assert dump(fn.body) == dump(ref.body)
    # One PCH for both files, holding the kernel headers and shared.h.
    assert len(list((tmp_path / "cache" / "pooltrack" / "pch").glob("*.pch"))) == 1


def test_a_changed_opening_header_is_seen(tmp_path, monkeypatch):
    require_mingw()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "shared.h").write_bytes(GUARDLESS)
    for name in ("A", "B"):
        (tmp_path / f"{name}.c").write_bytes(driver_file(name))
    fe = ClangFrontend(headers="mingw")                 # one process, as the language server
    fe.parse_unit(str(tmp_path / "A.c"), driver_file("A"))
    # The header changes (the editor saved it): the Buffer field is gone.
    (tmp_path / "shared.h").write_bytes(GUARDLESS.replace(b"PVOID Buffer; ", b""))
    os.utime(tmp_path / "shared.h", ns=(2 * 10**18, 2 * 10**18))
    unit = fe.parse_unit(str(tmp_path / "B.c"), driver_file("B"))
    (fn,) = unit.functions
    # `State->Buffer` is an error now (no such member): the function falls back to tree-sitter.
    assert fn.fallback
