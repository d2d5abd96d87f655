"""Precompiled WDK headers for the clang frontend.

Parsing ``ntddk.h`` and what it includes costs clang about 150 ms; the
driver's own code is usually a few milliseconds more.  The headers are the
same for every kernel-mode file, so they are compiled once into a PCH and
loaded by each parse (``-include-pch``).  The PCH lives in the user's cache
directory under a name hashed from everything that shapes it (libclang's
version, the arguments, the header text, the headers' sizes and times), so
worker processes, pre-commit runs and the language server share it, and a
change of any input makes a new one.  Written atomically; a PCH that fails
to build is remembered as failed for the process and the parse goes on
without one.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from .clang_native import quiet_parse

_FOR_SERIALIZATION = 0x10
_KEEP_GOING = 0x200
_DETAILED_RECORD = 0x1    # macro definitions kept, so uses in the main file are recorded
_OPTIONS = _FOR_SERIALIZATION | _DETAILED_RECORD | _KEEP_GOING
# A PCH is 3-10 MB; the whole samples tree makes 59 of them (286 MB).
MAX_CACHE_BYTES = 512 * 2**20


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pooltrack" / "pch"


@lru_cache(maxsize=1)
def _libclang_version() -> str:
    try:
        from importlib.metadata import version
        return version("libclang")
    except Exception:              # noqa: BLE001 - a version only names the cache file
        return "unknown"


def _fingerprint(args: Sequence[str], text: bytes, inputs: Sequence[tuple[str, bytes]],
                 headers: Sequence[Path]) -> str:
    h = hashlib.sha256()
    h.update(f"{_libclang_version()}:{_OPTIONS}".encode())
    for a in args:
        h.update(a.encode() + b"\0")
    h.update(text)
    for name, content in inputs:
        h.update(name.encode() + b"\0" + content + b"\0")
    for path in headers:
        try:
            st = path.stat()
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f"{path}:missing".encode())
    return h.hexdigest()[:32]


class PchCache:
    """One per frontend: PCH paths by fingerprint, built on first use."""

    def __init__(self, directory: Optional[Path] = None):
        self.directory = directory
        self._known: dict[str, Optional[str]] = {}
        self._refusals: dict[str, int] = {}

    def get(self, index, header_path: str, text: bytes, args: Sequence[str],
            inputs: Sequence[tuple[str, bytes]], headers: Sequence[Path]) -> Optional[str]:
        """The PCH of ``text`` (a header, parsed as ``header_path``) compiled
        with ``args``; ``inputs`` are the in-memory files it may read."""
        key = _fingerprint(args, text, inputs, headers)
        if key in self._known:
            return self._known[key]
        path = self._build(index, key, header_path, text, args, inputs)
        self._known[key] = path
        return path

    def forget(self, path: str) -> None:
        """A PCH clang refused (corrupt, written by another libclang, or a
        header it holds changed since): deleted, and built again on the next
        request, unless it was refused before (then never in this process)."""
        for key, known in list(self._known.items()):
            if known == path:
                self._refusals[key] = self._refusals.get(key, 0) + 1
                if self._refusals[key] >= 2:
                    self._known[key] = None
                else:
                    del self._known[key]
        try:
            os.unlink(path)
        except OSError:
            pass

    def _build(self, index, key: str, header_path: str, text: bytes, args: Sequence[str],
               inputs: Sequence[tuple[str, bytes]]) -> Optional[str]:
        directory = self.directory or cache_dir()
        target = directory / f"{key}.pch"
        if target.is_file():
            try:
                os.utime(target)           # recently used: pruned last
            except OSError:
                pass
            return str(target)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        tu = quiet_parse(index, header_path, args=list(args), unsaved_files=[(header_path, text), *inputs],
                         options=_OPTIONS)
        if tu is None or any(d.severity >= 4 for d in tu.diagnostics):
            return None                    # a fatal error: the headers are not usable
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        os.close(fd)
        try:
            tu.save(tmp)
            os.replace(tmp, target)        # atomic: a concurrent worker sees all or nothing
        except Exception:                  # noqa: BLE001 - no PCH is a slower parse, not a failure
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return None
        prune(directory, keep=target)
        return str(target)


def prune(directory: Path, keep: Path, limit: int = MAX_CACHE_BYTES) -> None:
    """Delete the least recently used PCHs until the cache is under ``limit``.
    A PCH another process still loads is refused there and built again."""
    try:
        entries = [(p.stat().st_mtime_ns, p.stat().st_size, p) for p in directory.glob("*.pch")]
    except OSError:
        return
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries, key=lambda e: e[0]):
        if total <= limit:
            break
        if path != keep:
            try:
                path.unlink()
                total -= size
            except OSError:
                pass
