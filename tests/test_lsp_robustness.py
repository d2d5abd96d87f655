"""The language server on raw stdio: malformed and huge JSON-RPC messages
must not take it down."""
import sys

def _frame(payload: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(payload) + payload


def test_server_survives_malformed_and_huge_messages(tmp_path):
    """Raw bytes on stdin: garbage, a body that is not JSON, a JSON-RPC call
    with wrong params, a 16 MiB document; the server still answers."""
    import json
    import subprocess
    proc = subprocess.Popen([sys.executable, "-m", "analyzer.cli", "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        def send(obj):
            proc.stdin.write(_frame(json.dumps(obj).encode()))
            proc.stdin.flush()
        proc.stdin.write(_frame(b"this is not json"))
        proc.stdin.write(_frame(b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": 42}'))
        send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}})
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        huge = "int x;\n" * (16 * 1024 * 1024 // 7)
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": (tmp_path / "huge.c").as_uri(), "languageId": "c", "version": 1, "text": huge}}})
        send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
        send({"jsonrpc": "2.0", "method": "exit", "params": None})
        out, _ = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    bodies = []
    rest = out
    while b"Content-Length: " in rest:
        header, _, rest = rest.partition(b"\r\n\r\n")
        length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        bodies.append(json.loads(rest[:length]))
        rest = rest[length:]
    ids = {b.get("id") for b in bodies if "result" in b}
    assert {1, 2} <= ids, bodies
