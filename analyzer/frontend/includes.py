"""Which system headers a source file reaches through its own includes.

The clang frontend uses this to tell kernel-mode code (``wdm.h``,
``ntddk.h``, ``ntifs.h``, ``fltKernel.h``, ``wdf.h``, ...) from user-mode code
(``windows.h``) before paying for a parse.  Only ``#include "..."`` files
that exist beside the including file or in the given directories are read;
the walk is bounded, so a huge or cyclic include graph costs little.
"""
from __future__ import annotations

import os
import re
import stat
from typing import Optional, Sequence

_INCLUDE = re.compile(rb'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]', re.M)

#: Headers only kernel-mode code includes (``wdf.h`` and ``ks.h`` are not
#: among them: UMDF drivers and user-mode KS clients include them too).
KERNEL_HEADERS = frozenset({
    "wdm.h", "ntddk.h", "ntifs.h", "fltkernel.h", "ndis.h", "storport.h", "miniport.h",
    "scsiport.h", "portcls.h", "wdmsec.h", "ntstrsafe.h", "usbdlib.h", "wdfldr.h",
})
#: Headers of user-mode code (Win32, COM, the C++ library).
USER_HEADERS = frozenset({
    "windows.h", "winbase.h", "atlbase.h", "atlcom.h", "objbase.h", "ole2.h", "wrl.h",
    "wrl/client.h", "iostream", "string", "vector", "memory", "stdio.h", "tchar.h", "shlwapi.h",
    "mfapi.h", "winsock2.h", "setupapi.h", "cfgmgr32.h", "wudfddi.h",
})
MAX_FILES = 64


def reached_headers(path: str, src: bytes, include_dirs: Sequence[str] = (),
                    files: Optional[list[str]] = None) -> set[str]:
    """Lower-cased names (as written, '/'-separated) of every header the
    file includes, directly or through the project headers it can find;
    the project headers read are added to ``files`` (MAX_FILES of them at
    most: a full list means the walk was cut short)."""
    seen_files: set[str] = set()
    names: set[str] = set()
    work = [(os.path.dirname(os.path.abspath(path)), _INCLUDE.findall(src))]
    while work and len(seen_files) < MAX_FILES:
        directory, includes = work.pop()
        for kind, name in includes:
            written = name.decode("utf-8", "replace").strip().replace("\\", "/")
            names.add(written.lower())
            if kind != b'"' or ".." in written.split("/")[:-1] and len(seen_files) > 8:
                continue
            for base in (directory, *include_dirs):
                candidate = os.path.normpath(os.path.join(base, written))
                if candidate in seen_files:
                    break
                found = _header_includes(candidate)
                if found is not None:
                    seen_files.add(candidate)
                    work.append((os.path.dirname(candidate), found))
                    break
    if files is not None:
        files.extend(sorted(seen_files))
    return names


_HEADER_INCLUDES: dict[tuple[str, int, int], list] = {}


def _header_includes(path: str):
    """The includes of a project header, or None if it is not a file.
    Every file of a driver reaches the same headers: read each once per
    process (keyed by size and time, so an edited header is read again)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    key = (path, st.st_size, st.st_mtime_ns)
    found = _HEADER_INCLUDES.get(key)
    if found is None:
        try:
            with open(path, "rb") as fh:
                found = _INCLUDE.findall(fh.read(1 << 20))
        except OSError:
            found = []
        if len(_HEADER_INCLUDES) > 4096:
            _HEADER_INCLUDES.clear()
        _HEADER_INCLUDES[key] = found
    return found


def is_kernel_mode(headers: set[str]) -> bool:
    """Reaches a kernel header, or KMDF's wdf.h without Win32 (UMDF 2 drivers
    include wdf.h beside windows.h)."""
    basenames = {h.rsplit("/", 1)[-1] for h in headers}
    return bool(basenames & KERNEL_HEADERS) or ("wdf.h" in basenames and not is_user_mode(headers))


def is_user_mode(headers: set[str]) -> bool:
    """User-mode code: reaches a Win32/C++ library header and no kernel one."""
    basenames = {h.rsplit("/", 1)[-1] for h in headers}
    return bool(basenames & USER_HEADERS or headers & USER_HEADERS) and not basenames & KERNEL_HEADERS


_LEADING_INCLUDE = re.compile(rb'#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"][ \t]*(?://.*)?$')


def leading_includes(src: bytes, directory: str, system_dirs: Sequence[str]) -> tuple[int, bytes]:
    """The ``#include`` lines that open the file, before any other code or
    directive (comments and blank lines between them are fine), as long as
    each names a file that exists: (offset where they end, the lines).
    (0, b"") when the file does not open that way."""
    lines: list[bytes] = []
    end = pos = 0
    in_comment = False
    while pos < len(src):
        stop = src.find(b"\n", pos)
        stop = len(src) if stop < 0 else stop
        line = src[pos:stop].strip()
        next_pos = stop + 1
        if in_comment:
            if b"*/" in line:
                in_comment = False
                if line.split(b"*/", 1)[1].strip():
                    break
        elif not line or line.startswith(b"//"):
            pass
        elif line.startswith(b"/*"):
            tail = line[2:]
            if b"*/" not in tail:
                in_comment = True
            elif tail.split(b"*/", 1)[1].strip():
                break
        else:
            m = _LEADING_INCLUDE.match(line)
            if not m or not _resolves(m.group(1), m.group(2).decode("utf-8", "replace"), directory, system_dirs):
                break
            close = b">" if m.group(1) == b"<" else b'"'
            lines.append(b"#include " + m.group(1) + m.group(2) + close)
            end = stop
        pos = next_pos
    return (end, b"\n".join(lines) + b"\n") if lines else (0, b"")


def _resolves(kind: bytes, name: str, directory: str, system_dirs: Sequence[str]) -> bool:
    bases = ([directory] if kind == b'"' else []) + list(system_dirs)
    return any(os.path.isfile(os.path.join(base, name.replace("\\", "/"))) for base in bases)
