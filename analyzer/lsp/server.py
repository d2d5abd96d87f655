"""The pooltrack language server (pygls 2.x, stdio).

It analyzes in process with :func:`analyzer.engine.analyze`: the document being
edited together with the other sources of its directory (open buffers win over
what is on disk), so rules that look across files see the whole directory.
Per-file reports are cached by (path, content hash), so a keystroke only
re-analyzes the buffer that changed.

* didOpen / didSave: analyze now; didChange: analyze the unsaved buffer after
  a debounce (``initializationOptions.debounceMs``, default 300 ms);
  didClose: clear that document's diagnostics.
* Each diagnostic: code = rule id, codeDescription.href = the rule's docs,
  source = "pooltrack", relatedInformation = the leaking path's steps.
* Code actions: "Suppress PT001 on this line" and "Show documentation for
  PT001".
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional

from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..adoption import apply_project
from ..config import ConfigError, find_config, load_config
from ..engine import SOURCE_SUFFIXES, Config, analyze
from ..findings import Finding, Notification
from ..ir import Loc
from ..ruledocs import load_rules, rule_help_uri

log = logging.getLogger("pooltrack.lsp")

SOURCE = "pooltrack"
SHOW_DOCS_COMMAND = "pooltrack.showDocumentation"
DEFAULT_DEBOUNCE_MS = 300
SUPPRESS_RE = re.compile(r"//\s*pooltrack:\s*ignore\[([^\]]*)\]")

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "note": types.DiagnosticSeverity.Information,
}


class ReportCache(OrderedDict):
    """A bounded LRU map (path, sha256) -> FileReport for analyze(cache=...)."""

    def __init__(self, limit: int = 1024):
        super().__init__()
        self.limit = limit

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)


class PooltrackServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("pooltrack", __version__)
        self.cache = ReportCache()
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self.pending: dict[str, asyncio.Task] = {}       # directory -> debounced run
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="pooltrack-analysis")
        self.config = Config(jobs=1)                      # in process: no fork from a threaded server
        self.config_key: Optional[tuple] = None           # (config file, its mtime) behind self.config
        self.published: dict[str, list[types.Diagnostic]] = {}
        try:
            self.help = {rid: rule_help_uri(rule) for rid, rule in load_rules().items()}
        except Exception:   # docs missing: diagnostics still work, without links
            log.exception("cannot load rule documentation")
            self.help = {}

    # ------------------------------------------------------------ scheduling
    def schedule(self, uri: str, delay: float) -> None:
        path = _fs_path(uri)
        if path is None:
            return
        directory = os.path.dirname(path)
        old = self.pending.pop(directory, None)
        if old is not None and not old.done():
            old.cancel()
        self.pending[directory] = asyncio.ensure_future(self._run_later(directory, delay))

    async def _run_later(self, directory: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        if self.pending.get(directory) is asyncio.current_task():
            del self.pending[directory]
        await self.analyze_directory(directory)

    # -------------------------------------------------------------- analysis
    def snapshot(self, directory: str) -> tuple[dict[str, str], dict[str, tuple[str, Optional[int]]]]:
        """Texts of the directory's sources (open buffers over disk) and the
        open documents there: path -> (uri, version)."""
        texts: dict[str, str] = {}
        open_docs: dict[str, tuple[str, Optional[int]]] = {}
        for uri, doc in list(self.workspace.text_documents.items()):
            path = _fs_path(uri)
            if path and os.path.dirname(path) == directory and _is_source(path):
                texts[path] = doc.source
                open_docs[path] = (uri, doc.version)
        names: list[str] = []
        if self.in_workspace(directory):     # never read the disk outside the workspace
            try:
                names = sorted(os.listdir(directory))
            except OSError:
                names = []
        for name in names:
            path = os.path.join(directory, name)
            if path in texts or not _is_source(path) or not os.path.isfile(path):
                continue
            try:
                with open(path, "rb") as fh:
                    texts[path] = fh.read().decode("utf-8", errors="replace")
            except OSError:
                continue
        return texts, open_docs

    def in_workspace(self, directory: str) -> bool:
        """Inside one of the client's workspace folders (or its root)."""
        roots = [_fs_path(f.uri) for f in self.workspace.folders.values()]
        if self.workspace.root_path:
            roots.append(self.workspace.root_path)
        directory = os.path.realpath(directory)
        for root in filter(None, roots):
            root = os.path.realpath(root)
            if directory == root or directory.startswith(root.rstrip(os.sep) + os.sep):
                return True
        return False

    def config_for(self, directory: str) -> Config:
        """The project's configuration (.pooltrack.toml or [tool.pooltrack]),
        reloaded when the file changes; the report cache is dropped with it."""
        found = find_config([directory]) if self.in_workspace(directory) else None
        try:
            key = (str(found), os.stat(found).st_mtime_ns) if found is not None else None
        except OSError:
            key = None
        if key != self.config_key:
            config = Config(jobs=1)
            if found is not None:
                try:
                    apply_project(config, load_config(found, set(self.help) or set(load_rules())))
                except ConfigError as exc:
                    self.window_show_message(types.ShowMessageParams(
                        types.MessageType.Error, f"pooltrack: invalid configuration: {exc}"))
            self.config, self.config_key = config, key
            self.cache.clear()
        return self.config

    async def analyze_directory(self, directory: str) -> None:
        texts, open_docs = self.snapshot(directory)
        if not open_docs:
            return
        config = self.config_for(directory)
        if config.path_filter is not None:
            texts = {p: t for p, t in texts.items() if config.path_filter(p)}
            for path in [p for p in open_docs if p not in texts]:
                uri, version = open_docs.pop(path)
                self.publish(uri, [], version)       # excluded by the configuration
            if not open_docs:
                return
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(
                self.executor, lambda: analyze([], config, buffers=texts, cache=self.cache))
        except Exception as exc:     # never take the server down; keep what is shown
            log.exception("analysis failed")
            self.window_log_message(types.LogMessageParams(
                types.MessageType.Error, f"pooltrack: analysis of {directory} failed: {exc!r}"))
            return
        by_path: dict[str, list[types.Diagnostic]] = {p: [] for p in open_docs}
        lines = {p: t.splitlines() for p, t in texts.items() if p in open_docs}
        for finding in result.findings:
            path = _norm(finding.path)
            if path in by_path:
                by_path[path].append(self.diagnostic(finding, lines[path], texts))
        for note in result.notifications:
            path = _norm(note.path)
            if path in by_path and note.kind != "read-error":
                by_path[path].append(self.note_diagnostic(note, lines[path]))
        for path, diagnostics in by_path.items():
            uri, version = open_docs[path]
            if uri not in self.workspace.text_documents:
                continue      # closed while we were analyzing: stays cleared
            self.publish(uri, diagnostics, version)

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: Optional[int] = None) -> None:
        self.published[uri] = diagnostics
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    # ------------------------------------------------------------ conversion
    def to_range(self, loc: Loc, lines: list[str]) -> types.Range:
        """A 1-based, end-exclusive code-point Loc as an LSP range in the
        negotiated position encoding."""
        if loc.line <= 0:
            return types.Range(types.Position(0, 0), types.Position(0, 0))
        start = types.Position(loc.line - 1, max(0, loc.col - 1))
        end_line = loc.end_line if loc.end_line >= loc.line else loc.line
        end_col = loc.end_col if loc.end_line >= loc.line else loc.col
        end = types.Position(end_line - 1, max(0, end_col - 1))
        if end.line == start.line and end.character < start.character:
            end = types.Position(start.line, start.character)
        codec = self.workspace.position_codec
        return types.Range(_to_client(codec, lines, start), _to_client(codec, lines, end))

    def diagnostic(self, finding: Finding, lines: list[str], texts: dict[str, str]) -> types.Diagnostic:
        related = []
        for step in finding.steps or finding.related:
            step_path = _norm(step.path)
            step_lines = lines if step_path == _norm(finding.path) else _lines_of(step_path, texts)
            related.append(types.DiagnosticRelatedInformation(
                location=types.Location(uri=uris.from_fs_path(step_path),
                                        range=self.to_range(step.loc, step_lines)),
                message=step.message))
        href = self.help.get(finding.rule_id)
        return types.Diagnostic(
            range=self.to_range(finding.loc, lines),
            message=finding.message,
            severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
            code=finding.rule_id,
            code_description=types.CodeDescription(href=href) if href else None,
            source=SOURCE,
            related_information=related or None,
            data={"rule": finding.rule_id, "function": finding.function},
        )

    def note_diagnostic(self, note: Notification, lines: list[str]) -> types.Diagnostic:
        return types.Diagnostic(
            range=self.to_range(note.loc or Loc(0, 0, 0, 0), lines),
            message=note.message,
            severity=_SEVERITY.get(note.level, types.DiagnosticSeverity.Information),
            code=note.kind,
            source=SOURCE,
        )

    # ----------------------------------------------------------- code actions
    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        doc = self.workspace.get_text_document(uri)
        actions: list[types.CodeAction] = []
        seen: set[tuple[str, int]] = set()
        for diag in params.context.diagnostics:
            rule = diag.code if isinstance(diag.code, str) else None
            if diag.source != SOURCE or not rule or rule not in self.help and not rule.startswith("PT"):
                continue
            line_no = diag.range.start.line
            if (rule, line_no) in seen:
                continue
            seen.add((rule, line_no))
            edit = _suppression_edit(doc.lines, line_no, rule, self.workspace.position_codec)
            if edit is not None:
                actions.append(types.CodeAction(
                    title=f"Suppress {rule} on this line",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    edit=types.WorkspaceEdit(changes={uri: [edit]})))
            href = self.help.get(rule) or (diag.code_description.href if diag.code_description else None)
            if href:
                actions.append(types.CodeAction(
                    title=f"Show documentation for {rule}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    command=types.Command(title=f"Show documentation for {rule}",
                                          command=SHOW_DOCS_COMMAND, arguments=[href])))
        return actions


# ------------------------------------------------------------------ helpers
def _fs_path(uri: str) -> Optional[str]:
    path = uris.to_fs_path(uri)
    return _norm(path) if path else None


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path)) if path else path


def _is_source(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in SOURCE_SUFFIXES


def _lines_of(path: str, texts: dict[str, str]) -> list[str]:
    if path in texts:
        return texts[path].splitlines()
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _to_client(codec, lines: list[str], pos: types.Position) -> types.Position:
    if pos.line >= len(lines):
        return pos
    line = lines[pos.line]
    character = min(pos.character, len(line))
    return types.Position(pos.line, codec.client_num_units(line[:character]))


def _suppression_edit(lines: list[str], line_no: int, rule: str, codec) -> Optional[types.TextEdit]:
    if line_no >= len(lines):
        return None
    line = lines[line_no].rstrip("\r\n")
    match = SUPPRESS_RE.search(line)
    if match:       # already suppressing something here: add this rule to the list
        ids = [part.strip() for part in match.group(1).split(",") if part.strip()]
        if rule in ids:
            return None
        start = match.start(1)
        text = ", ".join(ids + [rule])
        rng = types.Range(types.Position(line_no, codec.client_num_units(line[:start])),
                          types.Position(line_no, codec.client_num_units(line[:match.end(1)])))
        return types.TextEdit(range=rng, new_text=text)
    end = types.Position(line_no, codec.client_num_units(line))
    sep = "" if not line or line.endswith((" ", "\t")) else " "
    return types.TextEdit(range=types.Range(end, end),
                          new_text=f"{sep}// pooltrack: ignore[{rule}] <reason>")


# ----------------------------------------------------------------- features
def build_server() -> PooltrackServer:
    server = PooltrackServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: PooltrackServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and "debounceMs" in options:
            try:
                ls.debounce = max(0.0, float(options["debounceMs"]) / 1000)
            except (TypeError, ValueError):
                pass

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PooltrackServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PooltrackServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PooltrackServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PooltrackServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.published.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        path = _fs_path(uri)
        # the directory's other open documents now see the file as on disk
        if path and any(_fs_path(u) and os.path.dirname(_fs_path(u)) == os.path.dirname(path)
                        for u in ls.workspace.text_documents if u != uri):
            ls.schedule(uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: PooltrackServer, params: types.CodeActionParams):
        return ls.code_actions(params) or None

    @server.command(SHOW_DOCS_COMMAND)
    async def show_documentation(ls: PooltrackServer, *args):
        href = args[0] if args else None
        if isinstance(href, list):     # older argument passing
            href = href[0] if href else None
        if not isinstance(href, str):
            return None
        try:
            await ls.window_show_document_async(types.ShowDocumentParams(uri=href, external=True))
        except Exception:
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, f"{href}"))
        return href

    return server


def serve() -> int:
    logging.basicConfig(level=logging.WARNING, format="pooltrack-lsp: %(message)s")
    build_server().start_io()
    return 0
