"""Facts read straight off a file's text, for the whole-driver model: WDF
context types and their accessors, device-extension types.  Text scans are
cheap and need no headers; what they find is resolved against the whole
driver later (analyzer/driver.py)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_CONTEXT_WITH_NAME = re.compile(rb"\bWDF_DECLARE_CONTEXT_TYPE_WITH_NAME\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)")
_CONTEXT = re.compile(rb"\bWDF_DECLARE_CONTEXT_TYPE\s*\(\s*(\w+)\s*\)")
_EXT_CAST = re.compile(rb"\(\s*(\w+)\s*\*?\s*\)\s*\(?\s*[\w.>\-]*(?:->|\.)\s*DeviceExtension\b")
_EXT_DECL = re.compile(rb"\b(\w+)\s*\*?\s+\*?\s*\w+\s*=\s*[\w.>\-]*->\s*DeviceExtension\b")
_EXT_CREATE = re.compile(rb"\bIoCreateDevice\s*\(\s*[^,;]+,\s*sizeof\s*\(\s*(\w+)\s*\)")
_EXT_MENTION = re.compile(rb"DeviceExtension\b|\bIoCreateDevice\b")
_WDF_HANDLE = re.compile(rb"\b(?:WDFDEVICE|WDFDRIVER)\s+(\w+)")
_ONE_ARG_CALL = re.compile(rb"\b(\w+)\s*\(\s*(\w+)\s*(\(\s*\))?\s*\)")
_DEVICE_GETTERS = (b"WdfDriverGetDefault", b"WdfIoQueueGetDevice", b"WdfInterruptGetDevice",
                   b"WdfDpcGetParentObject", b"WdfTimerGetParentObject", b"WdfWorkItemGetParentObject")


@dataclass
class FileScan:
    context_types: dict[str, str] = field(default_factory=dict)   # accessor -> context type
    extension_types: set[str] = field(default_factory=set)       # device extension type names
    device_accessor_calls: set[str] = field(default_factory=set) # callees applied to a WDFDEVICE/WDFDRIVER


def scan_file(text: bytes) -> FileScan:
    # Each pattern runs only on files holding its literal: ``bytes in`` is
    # some 50 times faster than a regex that starts with ``\b``.
    scan = FileScan()
    if b"WDF_DECLARE_CONTEXT_TYPE" in text:
        for m in _CONTEXT_WITH_NAME.finditer(text):
            scan.context_types[m.group(2).decode()] = m.group(1).decode()
        for m in _CONTEXT.finditer(text):
            name = m.group(1).decode()
            scan.context_types[f"WdfObjectGet_{name}"] = name
    # Look only at the lines that mention a device extension (the patterns
    # backtrack badly over whole files).
    mentions = _EXT_MENTION.finditer(text) if b"DeviceExtension" in text or b"IoCreateDevice" in text else ()
    for m in mentions:
        start = text.rfind(b"\n", 0, m.start()) + 1
        end = text.find(b"\n", m.end())
        line = text[start:end if end >= 0 else len(text)]
        if m.group(0) == b"IoCreateDevice":     # its arguments may span lines
            line = text[m.start():m.start() + 400]
        for pattern in (_EXT_CAST, _EXT_DECL, _EXT_CREATE):
            scan.extension_types.update(x.group(1).decode() for x in pattern.finditer(line))
    scan.extension_types -= {"PVOID", "VOID", "return"}
    handles = {m.group(1) for m in _WDF_HANDLE.finditer(text)} \
        if b"WDFDEVICE" in text or b"WDFDRIVER" in text else set()
    if not handles and not any(getter in text for getter in _DEVICE_GETTERS):
        return scan      # no WDF device or driver handle here: no accessor use to record
    for m in _ONE_ARG_CALL.finditer(text):
        arg, called = m.group(2), m.group(3)
        if (arg in handles and not called) or (called and arg in _DEVICE_GETTERS):
            scan.device_accessor_calls.add(m.group(1).decode())
    return scan


class LineIndex:
    def __init__(self, text: bytes):
        self.starts = [0] + [m.end() for m in re.finditer(rb"\n", text)]
        self.text = text

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        line = self.text[self.starts[row]:offset]
        return row + 1, len(line.decode("utf-8", "replace")) + 1
