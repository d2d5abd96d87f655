"""Seeds and mutations: every fuzz input is a mutated real case.

Inputs are derived deterministically from (campaign seed, input index), so a
campaign never needs to store an input to reproduce it: ``input_for(seed, i)``
gives the same bytes again (that is how campaign.py saves a hang after it
killed the worker that was running it).
"""
from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
REGRESSIONS = ROOT / "tests" / "regressions"

# Fragments that steer mutations toward the constructs each stage special-cases.
TOKENS = [
    b"{", b"}", b"(", b")", b";", b"\n", b"\\\n", b"/*", b"*/", b"//", b'"', b"'",
    b"#if 0\n", b"#else\n", b"#endif\n", b"#ifdef __cplusplus\n", b"#pragma warning(disable:4127)\n",
    b"#define X(a) a\n", b"__try {", b"} __finally {", b"} __except (1) {", b"__leave;",
    b"try {", b"} finally {", b"} except(EXCEPTION_EXECUTE_HANDLER) {", b"leave;",
    b"do {", b"} WHILE(0);", b"WHILE(x) {", b"goto out;", b"out:", b"break;", b"continue;",
    b"return p;", b"return;", b"if (p == NULL) ", b"else ", b"switch (x) {", b"case 1:",
    b"default:", b"while (1) ", b"for (;;) ", b"p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, 'gaT');",
    b"ExFreePoolWithTag(p, 'gaT');", b"IoFreeMdl(m);", b"_In_ ", b"_Out_writes_bytes_(n) ",
    b"__drv_allocatesMem(Mem) ", b"_IRQL_requires_max_(DISPATCH_LEVEL) ", b"IN ", b"OPTIONAL ",
    b"__declspec(code_seg(\"PAGE\")) ", b"0xffffI64", b"\xef\xbb\xbf", b"\xff", b"\x00", b"\r",
    b"\xc3\xa9", b"\xe2\x80\x8b", b"DbgDoit(x)\n", b"ForEachEntry(l, e) {", b"NTSTATUS f(PVOID p) {",
    b"(", b"[", b"->", b"*", b"&", b"sizeof(", b"static ", b"struct S { int a; } ",
]


# Configuration seeds: every key, valid and invalid values, project APIs.
CONFIG_SEEDS = [
    b'include = ["src/**"]\nexclude = ["src/third_party/**", "*.h"]\nselect = ["PT001", "PT002"]\n'
    b'ignore = ["PT006"]\nseverity = { PT001 = "error", PT004 = "note" }\nfail-on = "warning"\n'
    b'report-unused-suppressions = true\ndrivers = ["src/bus", "src/function"]\n',
    b'[[apis]]\nfamily = { id = "my-buffers", title = "driver buffer" }\n'
    b'allocators = [{ names = ["MyAlloc"], result = "return" }]\nreleases = [{ names = ["MyFree"], arg = 0 }]\n',
    b'[tool.pooltrack]\nselect = "PT001"\nseverity = { PT009 = "error" }\n',
    b'include = 3\nfail-on = "sometimes"\nunknown = 1\napis = "missing.toml"\n',
]


def baseline_seeds() -> list[bytes]:
    """SARIF logs pooltrack writes for a few corpus cases (made on the fly: generated, never stored)."""
    import io
    from analyzer.emit.sarif import write_sarif
    from analyzer.engine import Config, analyze
    cases = sorted((CORPUS / "pt001").glob("*leak*.c"))[:3] + sorted((CORPUS / "pt002").glob("*/*.c"))[:2]
    result = analyze([str(c) for c in cases], Config(jobs=1))
    out = io.StringIO()
    write_sarif(result, out, root=str(CORPUS))
    return [out.getvalue().encode(), b'{"runs": []}', b'{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "pooltrack"}}, "results": [{}]}]}']


def seeds_for(stage: str) -> list[bytes]:
    if stage == "config":
        return CONFIG_SEEDS
    if stage == "baseline":
        return baseline_seeds()
    return load_seeds()


def load_seeds(extra: Path | None = None) -> list[bytes]:
    """Every corpus case, plus saved regression inputs (they are interesting)."""
    seeds = []
    for base in (CORPUS, REGRESSIONS, extra):
        if base is None or not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix in (".c", ".h", ".cpp", ".bin"):
                seeds.append(p.read_bytes())
    if not seeds:
        seeds.append(b"int f(void) { return 0; }\n")
    return seeds


def _flip(rng: random.Random, data: bytearray, seeds) -> bytearray:
    if data:
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return data


def _set_byte(rng, data, seeds):
    if data:
        data[rng.randrange(len(data))] = rng.choice(b"{}()[];#\\\"'/*\n\x00\xff ")
    return data


def _truncate(rng, data, seeds):
    return data[:rng.randrange(len(data) + 1)]


def _delete_range(rng, data, seeds):
    if data:
        i = rng.randrange(len(data))
        del data[i:i + rng.choice((1, 2, 8, 64, 512))]
    return data


def _delete_brace(rng, data, seeds):
    braces = [i for i, b in enumerate(data) if b in b"{}()"]
    if braces:
        del data[rng.choice(braces)]
    return data


def _insert_token(rng, data, seeds):
    i = rng.randrange(len(data) + 1)
    data[i:i] = rng.choice(TOKENS)
    return data


def _duplicate(rng, data, seeds):
    if data:
        i = rng.randrange(len(data))
        j = min(len(data), i + rng.choice((1, 16, 128, 1024)))
        data[j:j] = data[i:j] * rng.choice((1, 2, 8, 64))
    return data


def _splice(rng, data, seeds):
    other = rng.choice(seeds)
    i = rng.randrange(len(data) + 1)
    a = rng.randrange(len(other) + 1)
    b = rng.randrange(a, len(other) + 1)
    if rng.random() < 0.5:
        return data[:i] + other[a:b]
    data[i:i] = other[a:b]
    return data


def _swap_lines(rng, data, seeds):
    lines = bytes(data).split(b"\n")
    if len(lines) > 2:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return bytearray(b"\n".join(lines))


def _nest(rng, data, seeds):
    """Deep nesting: ``(((...)))``, ``{{{...}}}``, ``if (x) if (x) ...``."""
    i = rng.randrange(len(data) + 1)
    depth = rng.choice((10, 100, 1000, 5000))
    open_, close = rng.choice(((b"(", b")"), (b"{", b"}"), (b"if (x) ", b""), (b"[", b"]"),
                               (b"while (x) {", b"}"), (b"__try {", b"} __finally { }")))
    data[i:i] = open_ * depth + b"x" + close * depth
    return data


MUTATORS = (_flip, _set_byte, _truncate, _delete_range, _delete_brace, _insert_token,
            _insert_token, _duplicate, _splice, _swap_lines, _nest)
MAX_INPUT = 1 << 20


def mutate(rng: random.Random, data: bytes, seeds: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 4, 8))):
        m = rng.choice(MUTATORS)
        if m is _nest and rng.random() < 0.7:
            m = _insert_token
        out = m(rng, out, seeds)
        if len(out) > MAX_INPUT:
            out = out[:MAX_INPUT]
    return bytes(out)


def input_for(seed: int, index: int, seeds: list[bytes]) -> bytes:
    rng = random.Random(f"{seed}:{index}")
    return mutate(rng, rng.choice(seeds), seeds)
