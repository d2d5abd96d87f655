"""``pooltrack lsp``: a language server that publishes pooltrack's findings as
editor diagnostics (see server.py)."""
from __future__ import annotations

__all__ = ["main"]


def main(argv=None) -> int:
    from .server import serve
    return serve()
