"""The clang frontend's speed-ups must not change what it sees: kernel-mode
files parse against precompiled mingw-w64 headers (analyzer/frontend/pch.py),
user-mode files go to tree-sitter (analyzer/frontend/includes.py)."""
from __future__ import annotations

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
    stamp = built[0].stat().st_mtime_ns
    ClangFrontend(headers="mingw").parse_unit(str(path), path.read_bytes())   # another process, say
    assert sorted((tmp_path / "pooltrack" / "pch").glob("*")) == built
    assert built[0].stat().st_mtime_ns == stamp


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
