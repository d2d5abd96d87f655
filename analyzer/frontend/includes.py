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
from typing import Sequence

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


def reached_headers(path: str, src: bytes, include_dirs: Sequence[str] = ()) -> set[str]:
    """Lower-cased names (as written, '/'-separated) of every header the
    file includes, directly or through the project headers it can find."""
    seen_files: set[str] = set()
    names: set[str] = set()
    work = [(os.path.dirname(os.path.abspath(path)), src)]
    while work and len(seen_files) < MAX_FILES:
        directory, text = work.pop()
        for kind, name in _INCLUDE.findall(text):
            written = name.decode("utf-8", "replace").strip().replace("\\", "/")
            names.add(written.lower())
            if kind != b'"' or ".." in written.split("/")[:-1] and len(seen_files) > 8:
                continue
            for base in (directory, *include_dirs):
                candidate = os.path.normpath(os.path.join(base, written))
                if candidate in seen_files:
                    break
                if os.path.isfile(candidate):
                    seen_files.add(candidate)
                    try:
                        with open(candidate, "rb") as fh:
                            work.append((os.path.dirname(candidate), fh.read(1 << 20)))
                    except OSError:
                        pass
                    break
    return names


def is_kernel_mode(headers: set[str]) -> bool:
    """Reaches a kernel header, or KMDF's wdf.h without Win32 (UMDF 2 drivers
    include wdf.h beside windows.h)."""
    basenames = {h.rsplit("/", 1)[-1] for h in headers}
    return bool(basenames & KERNEL_HEADERS) or ("wdf.h" in basenames and not is_user_mode(headers))


def is_user_mode(headers: set[str]) -> bool:
    """User-mode code: reaches a Win32/C++ library header and no kernel one."""
    basenames = {h.rsplit("/", 1)[-1] for h in headers}
    return bool(basenames & USER_HEADERS or headers & USER_HEADERS) and not basenames & KERNEL_HEADERS
