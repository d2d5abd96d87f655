"""`pooltrack lsp` driven by a real LSP client (pytest-lsp): diagnostics on
open/change/save/close, their content, code actions, a broken buffer."""
from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import Union

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from analyzer.ruledocs import load_rules, rule_help_uri
from editor_sample import LEAK

pytestmark = pytest.mark.asyncio(loop_scope="function")

FIXED = LEAK.replace("        return status;\n", "        ExFreePoolWithTag(buffer, TAG);\n        return status;\n")
OTHER = LEAK.replace("ReadConfig", "ReadOther")
# an edit in progress: the closing brace of the if is not typed yet
BROKEN = LEAK.replace("        return status;\n    }\n", "        return status;\n", 1)

DEBOUNCE_MS = 100


def converter():
    """pygls' converter, except that a code action whose `command` is an object
    is read as a CodeAction (lsprotocol reads it as a Command whose command is
    the repr of that object)."""
    conv = default_converter()

    def command_or_action(obj, _):
        if isinstance(obj.get("command"), dict) or "kind" in obj or "edit" in obj:
            return conv.structure(obj, types.CodeAction)
        return conv.structure(obj, types.Command)

    conv.register_structure_hook(Union[types.Command, types.CodeAction], command_or_action)
    return conv


def make_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics with its arrival time."""
    features = dict(DEFAULT_CLIENT_FEATURES)

    def on_publish(ls: LanguageClient, params: types.PublishDiagnosticsParams):
        ls.diagnostics[params.uri] = params.diagnostics
        ls.publishes.append((time.perf_counter(), params))

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = on_publish
    client = LanguageClient(converter_factory=converter)
    client.publishes = []
    register_lsp_features(client, features)
    return client


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "analyzer.cli", "lsp"],
                            client_factory=make_client)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path_factory):
    # The workspace is pytest's temporary root: every tmp_path lies inside it.
    root = tmp_path_factory.getbasetemp()
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="tmp")],
        initialization_options={"debounceMs": DEBOUNCE_MS}))
    yield
    await lsp_client.shutdown_session()


async def wait_publish(client, uri, since=0, predicate=lambda p: True, timeout=30.0):
    """The first publish for uri, after the since-th publish, that satisfies predicate."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for _, params in client.publishes[since:]:
            if params.uri == uri and predicate(params):
                return params
        await asyncio.sleep(0.01)
    raise AssertionError(f"no matching diagnostics for {uri} in {timeout}s: {client.publishes[since:]}")


def open_doc(client, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="c", version=version, text=text)))
    return uri


def replace_all(client, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def test_open_publishes_pt001_with_path_and_docs(client, tmp_path):
    path = tmp_path / "device.c"
    path.write_text(LEAK)
    uri = open_doc(client, path, LEAK)
    params = await wait_publish(client, uri)
    assert params.version == 1
    [diag] = params.diagnostics
    assert diag.code == "PT001"
    assert diag.source == "pooltrack"
    assert diag.severity == types.DiagnosticSeverity.Warning
    assert diag.code_description.href == rule_help_uri(load_rules()["PT001"])
    assert "ExAllocatePool2" in diag.message and "ReadConfig" in diag.message
    # the allocating call's name, 0-based: line 9, column 14 ("ExAllocatePool2")
    assert (diag.range.start.line, diag.range.start.character) == (8, 13)
    assert (diag.range.end.line, diag.range.end.character) == (8, 28)
    related = diag.related_information
    assert [r.location.uri for r in related] == [uri] * len(related)
    messages = [r.message for r in related]
    assert messages[0] == "allocated by ExAllocatePool2 here"
    assert any("branch" in m for m in messages)
    assert messages[-1] == "returns here without releasing it"
    assert related[-1].location.range.start.line == 14      # the `return status;`


async def test_change_is_debounced_and_analyzes_the_unsaved_buffer(client, tmp_path):
    path = tmp_path / "device.c"
    path.write_text(LEAK)
    uri = open_doc(client, path, LEAK)
    await wait_publish(client, uri, predicate=lambda p: len(p.diagnostics) == 1)
    # three quick edits: only the last is analyzed, after the debounce
    since = len(client.publishes)
    start = time.perf_counter()
    replace_all(client, uri, LEAK + "\n", 2)
    replace_all(client, uri, LEAK + "\n\n", 3)
    replace_all(client, uri, FIXED, 4)
    params = await wait_publish(client, uri, since)
    assert params.version == 4 and not params.diagnostics
    assert client.publishes[-1][0] - start >= DEBOUNCE_MS / 1000
    await asyncio.sleep(2 * DEBOUNCE_MS / 1000)
    assert [p.version for _, p in client.publishes[since:] if p.uri == uri] == [4]
    assert path.read_text() == LEAK        # the fix exists only in the editor
    # and the leak comes back when the buffer does
    replace_all(client, uri, LEAK, 5)
    params = await wait_publish(client, uri, since, lambda p: p.version == 5)
    assert [d.code for d in params.diagnostics] == ["PT001"]


async def test_save_and_close(client, tmp_path):
    path = tmp_path / "device.c"
    path.write_text(LEAK)
    uri = open_doc(client, path, LEAK)
    await wait_publish(client, uri, predicate=lambda p: len(p.diagnostics) == 1)
    path.write_text(FIXED)
    since = len(client.publishes)
    replace_all(client, uri, FIXED, 2)
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    # the save does not wait for the debounce
    params = await wait_publish(client, uri, since, timeout=DEBOUNCE_MS / 1000 + 10)
    assert not params.diagnostics
    replace_all(client, uri, LEAK, 3)
    await wait_publish(client, uri, since, lambda p: len(p.diagnostics) == 1)
    since = len(client.publishes)
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    params = await wait_publish(client, uri, since)
    assert not params.diagnostics
    await asyncio.sleep(2 * DEBOUNCE_MS / 1000)
    assert not client.diagnostics[uri]


async def test_directory_neighbours_and_other_open_files(client, tmp_path):
    (tmp_path / "other.c").write_text(OTHER)          # on disk only, never opened
    (tmp_path / "notes.txt").write_text("not a source")
    a = tmp_path / "a.c"
    a.write_text(LEAK)
    b = tmp_path / "b.c"
    b.write_text(FIXED)
    uri_a = open_doc(client, a, LEAK)
    await wait_publish(client, uri_a)
    uri_b = open_doc(client, b, FIXED)
    params = await wait_publish(client, uri_b)
    assert not params.diagnostics
    # findings of closed files are not published
    assert (tmp_path / "other.c").as_uri() not in client.diagnostics
    # a broken buffer in b keeps a's diagnostics
    since = len(client.publishes)
    replace_all(client, uri_b, BROKEN, 2)
    await wait_publish(client, uri_b, since, lambda p: p.version == 2)
    assert [d.code for d in client.diagnostics[uri_a]] == ["PT001"]


async def test_broken_buffer_mid_edit_never_crashes(client, tmp_path):
    path = tmp_path / "device.c"
    path.write_text(LEAK)
    uri = open_doc(client, path, LEAK)
    await wait_publish(client, uri, predicate=lambda p: len(p.diagnostics) == 1)
    since = len(client.publishes)
    # unbalanced braces, then garbage, then a half-typed token, each analyzed
    texts = [BROKEN, BROKEN + "}}}{{{ ((( #if\n", LEAK[:len(LEAK) // 2], "", "\x00\ufffd😀{"]
    for version, text in enumerate(texts, start=2):
        replace_all(client, uri, text, version)
        await wait_publish(client, uri, since, lambda p, v=version: p.version == v)
    broken = [p for _, p in client.publishes[since:] if p.uri == uri and p.version == 2][0]
    assert all(d.source == "pooltrack" for d in broken.diagnostics)
    assert any(d.code == "parse-error" for d in broken.diagnostics)
    # the server is still alive and right once the edit is finished
    replace_all(client, uri, LEAK, 20)
    params = await wait_publish(client, uri, since, lambda p: p.version == 20)
    assert [d.code for d in params.diagnostics] == ["PT001"]


async def test_code_actions_suppress_and_docs(client, tmp_path):
    path = tmp_path / "device.c"
    path.write_text(LEAK)
    uri = open_doc(client, path, LEAK)
    params = await wait_publish(client, uri, predicate=lambda p: len(p.diagnostics) == 1)
    [diag] = params.diagnostics
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    titles = [a.title for a in actions]
    assert titles == ["Suppress PT001 on this line", "Show documentation for PT001"]
    suppress, docs = actions
    [edit] = suppress.edit.changes[uri]
    line = LEAK.splitlines()[8]
    assert edit.range.start == edit.range.end == types.Position(8, len(line))
    assert edit.new_text == " // pooltrack: ignore[PT001] <reason>"
    assert list(suppress.diagnostics) == [diag]
    # the documentation action opens the rule's page in the browser
    href = diag.code_description.href
    command = docs.command
    assert list(command.arguments) == [href]
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=command.command, arguments=command.arguments))
    assert [(s.uri, s.external) for s in client.shown_documents] == [(href, True)]
    # no actions for someone else's diagnostics
    foreign = types.Diagnostic(range=diag.range, message="x", source="clangd", code="PT001")
    none = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[foreign])))
    assert not none


async def test_utf16_columns(client, tmp_path):
    # a non-BMP character before the call: 1 code point, 2 UTF-16 units
    text = LEAK.replace("    buffer = ExAllocatePool2", "/*😀*/buffer = ExAllocatePool2")
    path = tmp_path / "device.c"
    path.write_text(text)
    uri = open_doc(client, path, text)
    params = await wait_publish(client, uri, predicate=lambda p: len(p.diagnostics) == 1)
    [diag] = params.diagnostics
    line = text.splitlines()[8]
    assert diag.range.start.character == len(line[:line.index("ExAllocatePool2")].encode("utf-16-le")) // 2


async def test_project_configuration_is_honoured_and_reloaded(client, tmp_path):
    config = tmp_path / ".pooltrack.toml"
    config.write_text('ignore = ["PT001"]\n')
    path = tmp_path / "device.c"
    path.write_text(LEAK)
    uri = open_doc(client, path, LEAK)
    first = await wait_publish(client, uri)
    assert not [d for d in first.diagnostics if d.code == "PT001"]

    # Change the configuration: the next analysis picks it up (severity too).
    config.write_text('[severity]\nPT001 = "error"\n')
    since = len(client.publishes)
    replace_all(client, uri, LEAK + "\n", 2)
    again = await wait_publish(client, uri, since, lambda p: any(d.code == "PT001" for d in p.diagnostics))
    (diag,) = [d for d in again.diagnostics if d.code == "PT001"]
    assert diag.severity == types.DiagnosticSeverity.Error


ALLOCATOR = """\
PVOID AllocIt(ULONG Size)
{
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, 'tIlA');
}
"""
USER = """\
VOID UseIt(PDEVICE_OBJECT Dev)
{
    PVOID p = AllocIt(16);
    if (p == NULL) {
        return;
    }
    Dev->Flags = 0;
}
"""


async def test_files_outside_the_workspace_are_never_read(client, tmp_path):
    # Inside the workspace the neighbour's summary (AllocIt allocates) is used.
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "alloc.c").write_text(ALLOCATOR)
    uri = open_doc(client, inside / "use.c", USER)
    published = await wait_publish(client, uri)
    assert [d.code for d in published.diagnostics] == ["PT001"]

    # Outside it, the neighbour is not read: AllocIt is unknown, nothing is claimed.
    import tempfile
    outside = Path(tempfile.mkdtemp(prefix="pooltrack-outside-", dir="/var/tmp"))
    try:
        (outside / "alloc.c").write_text(ALLOCATOR)
        since = len(client.publishes)
        uri = open_doc(client, outside / "use.c", USER)
        published = await wait_publish(client, uri, since)
        assert list(published.diagnostics) == []
    finally:
        import shutil
        shutil.rmtree(outside)
