"""Emitters: the same Result as text, JSON or SARIF."""
from __future__ import annotations

import os
from typing import TextIO


def write_out(text: str, out: "str | os.PathLike | TextIO") -> None:
    """Write a report to a path (UTF-8, ``\\n`` newlines) or to a text stream."""
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    else:
        out.write(text)
