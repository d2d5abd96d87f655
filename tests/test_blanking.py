"""Blanking keeps every byte in place and makes driver code parse cleanly."""

from __future__ import annotations

import random

import pytest

from analyzer.frontend.blanking import blank
from analyzer.frontend.tsparser import ParsedSource, parse, parser

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # the seeded fuzz test below still runs
    given = None


# -- helpers ---------------------------------------------------------------


def check_invariants(src: bytes) -> tuple[bytes, list]:
    """Same length, only non-newline bytes turned into spaces, spans exact."""
    out, spans = blank(src)
    assert isinstance(out, bytes) and len(out) == len(src)
    changed = [i for i in range(len(src)) if out[i] != src[i]]
    assert all(out[i] == 0x20 and src[i] not in b"\r\n" for i in changed)
    covered = set()
    prev_end = 0
    for start, end, text in spans:
        assert prev_end <= start < end <= len(src)
        prev_end = end
        assert text == src[start:end].decode("utf-8", "replace")
        assert out[start:end].strip(b" \r\n") == b""
        covered.update(range(start, end))
    assert set(changed) <= covered
    return out, spans


def blanked_texts(src: bytes) -> list[str]:
    return [text for _, _, text in blank(src)[1]]


def errors(ps: ParsedSource) -> list[str]:
    found = []

    def walk(node):
        if node.type == "ERROR" or node.is_missing:
            found.append(f"{node.type} at {node.start_point}: {ps.blanked[node.start_byte:node.start_byte + 40]!r}")
            return
        for child in node.children:
            if child.has_error:
                walk(child)

    walk(ps.root)
    return found


def node_types(ps: ParsedSource) -> set[str]:
    types, stack = set(), [ps.root]
    while stack:
        node = stack.pop()
        types.add(node.type)
        stack.extend(node.children)
    return types


def functions(ps: ParsedSource) -> list:
    return [n for n in ps.root.children if n.type == "function_definition"]


# -- offsets and newlines --------------------------------------------------

SAMPLES = [
    b"",
    b"\n",
    b"_In_",
    b"#if 0\nint x;\n#endif",
    b"VOID f(_In_ PVOID p, _Out_writes_bytes_(n) PUCHAR b) { }\r\n",
    b"\xef\xbb\xbf#include <ntddk.h>\r\n_Use_decl_annotations_\r\nVOID f(VOID) { }\r\n",
    b"/* unterminated _In_ comment",
    b'char *s = "unterminated _In_ string\n_In_ int x;',
    b"char c = '\\'';  _Out_ int y;",
    b"_When_(a, _At_(b, (((",
    b"#if A\n#else\n#elif B\n#endif\n#endif\n#else\n",
    b"\xff\xfe\x00_In_\x80\x81 IN OUT \xc3(\n",
    b"#define X \\\n  _In_ \\\n  y\n_In_ int z;\n",
    b"x = 0xffffffffffffffffI64 + 10ui64;",
    b"do { a(); } WHILE (FALSE);\nWHILE (1) { b(); }",
    b"try { a(); } finally { b(); } try { c(); } except (1) { d(); } leave;",
]


@pytest.mark.parametrize("src", SAMPLES)
def test_offsets_and_newlines_preserved(src):
    out, _ = check_invariants(src)
    assert out.count(b"\n") == src.count(b"\n")
    assert out.count(b"\r") == src.count(b"\r")


def test_line_and_column_of_code_unchanged():
    src = b"_IRQL_requires_max_(DISPATCH_LEVEL)\nNTSTATUS\nFoo(_In_ PDEVICE_OBJECT Dev)\n{\n    return 0;\n}\n"
    ps = parse(src)
    fn = functions(ps)[0]
    assert fn.start_point == (1, 0)
    name = fn.child_by_field_name("declarator").child_by_field_name("declarator")
    assert ps.text(name) == b"Foo" and name.start_point == (2, 0)
    param = fn.child_by_field_name("declarator").child_by_field_name("parameters").named_children[0]
    assert ps.text(param) == b"PDEVICE_OBJECT Dev" and param.start_point == (2, 9)


if given is not None:

    @settings(max_examples=300, deadline=None)
    @given(st.binary(max_size=400))
    def test_property_random_bytes(src):
        check_invariants(src)

    _PIECES = [
        "_In_", "_Out_writes_(n)", "__drv_freesMem(Mem)", "IN", "OPTIONAL", "NTAPI", "(", ")", "{",
        "}", ";", "\n", "\r\n", "#if 0\n", "#else\n", "#endif\n", "#ifdef X\n", "#pragma once\n",
        '"', "'", "/*", "*/", "//", "\\\n", "try", "except", "leave", "WHILE", "do", "FOO(x)",
        " ", "\t", "int", "x", "\u00e9", "0x1I64",
    ]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=60))
    def test_property_driver_like_tokens(pieces):
        check_invariants("".join(pieces).encode())

else:

    def test_property_random_bytes():
        rng = random.Random(1234)
        for _ in range(300):
            check_invariants(bytes(rng.randrange(256) for _ in range(rng.randrange(400))))


def test_seeded_fuzz_of_driver_like_tokens():
    rng = random.Random(42)
    pieces = [b"_In_", b"_At_(x, _Out_)", b"(", b")", b"{", b"}", b"\n", b"#if 0\n", b"#else\n",
              b"#endif\n", b'"', b"'", b"/*", b"*/", b"//", b"try", b"WHILE", b"MACRO(a)", b"\r\n"]
    for _ in range(500):
        check_invariants(b" ".join(rng.choice(pieces) for _ in range(rng.randrange(40))))


@pytest.mark.parametrize("src", [None, "text", 12, bytearray(b"_In_ int x;"), memoryview(b"IN int y;")])
def test_never_raises_on_odd_arguments(src):
    out, spans = blank(src)
    assert isinstance(out, bytes) and isinstance(spans, list)


def test_pathological_input_is_fast():
    import time

    nasty = [
        b"_In_(" * 20000,
        b"\n  FOO(a)\n" * 20000,
        b"do {" * 3000 + b"} WHILE(1);" * 3000,
        b"(" * 100000 + b"{" * 100000,
        b"x /* y" * 10000 + b"'\"" * 10000,
        b"\n#if X\n" * 5000 + b"#else\n" * 5000,
    ]
    t0 = time.perf_counter()
    for src in nasty:
        check_invariants(src[:5000])
        out, _ = blank(src)
        assert len(out) == len(src)
    assert time.perf_counter() - t0 < 30  # generous: the machine is shared


# -- annotations -----------------------------------------------------------


def test_sal_annotations_blanked_and_reported():
    src = (b"_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL) __drv_allocatesMem(Mem)\n"
           b"PVOID Alloc(_In_ SIZE_T n, _Out_writes_bytes_(n) PUCHAR b, __in_bcount(n) PVOID s,\n"
           b"            IN ULONG t OPTIONAL, _When_(n > (1), _At_(b, _Post_z_)) PVOID w);\n")
    out, spans = check_invariants(src)
    texts = [t for _, _, t in spans]
    assert texts == [
        "_Must_inspect_result_", "_IRQL_requires_max_(DISPATCH_LEVEL)", "__drv_allocatesMem(Mem)",
        "_In_", "_Out_writes_bytes_(n)", "__in_bcount(n)", "IN", "OPTIONAL",
        "_When_(n > (1), _At_(b, _Post_z_))",
    ]
    assert b"PVOID Alloc(" in out and b"SIZE_T n" in out and b"PUCHAR b" in out


def test_function_class_and_dispatch_type_readable_from_spans():
    src = (b"_Function_class_(DRIVER_UNLOAD)\n_IRQL_requires_(PASSIVE_LEVEL)\n"
           b"VOID Unload(_In_ PDRIVER_OBJECT d) { }\n"
           b"_Dispatch_type_(IRP_MJ_CREATE)\nDRIVER_DISPATCH Create;\n")
    ps = parse(src)
    assert not errors(ps)
    texts = [t for _, _, t in ps.spans]
    assert "_Function_class_(DRIVER_UNLOAD)" in texts and "_Dispatch_type_(IRP_MJ_CREATE)" in texts
    fn = functions(ps)[0]
    assert [t for _, _, t in ps.spans_in(fn.start_byte, fn.end_byte)] == ["_In_"]


def test_decoration_macros_blanked():
    src = (b"EXTERN_C NTSYSAPI DECLSPEC_NOINLINE NTSTATUS NTAPI A(VOID);\n"
           b"FORCEINLINE VOID B(CONST CHAR FAR *p) { }\n"
           b"PAGED_CODE_SEG NTSTATUS C(VOID) { return 0; }\n"
           b"DECLSPEC_ALIGN(16) UCHAR buf[16];\n"
           b"__declspec(code_seg(\"PAGE\")) VOID D(VOID) { }\n"
           b"_inline int __cdecl E(void) { return 0; }\n")
    ps = parse(src)
    assert not errors(ps)
    texts = blanked_texts(src)
    for t in ["EXTERN_C", "NTSYSAPI", "DECLSPEC_NOINLINE", "NTAPI", "FORCEINLINE", "CONST", "FAR",
              "PAGED_CODE_SEG", "DECLSPEC_ALIGN(16)", '__declspec(code_seg("PAGE"))', "_inline",
              "__cdecl"]:  # tree-sitter-cpp does not take calling conventions on members
        assert t in texts


def test_com_method_macros_keep_type_and_name():
    src = (b"class C : public IUnknown {\n"
           b"    STDMETHOD_(NTSTATUS, Init)(THIS_ PDEVICE_OBJECT d) PURE;\n"
           b"    STDMETHOD(QueryInterface)(REFIID riid, void **ppv);\n"
           b"    STDMETHODIMP_(ULONG) AddRef();\n"
           b"    HRESULT __stdcall Release();\n"
           b"};\n")
    ps = parse(src, path="c.hpp")
    assert not errors(ps)
    assert b"NTSTATUS  Init (      PDEVICE_OBJECT d)     ;" in ps.blanked
    assert b"ULONG  AddRef();" in ps.blanked


def test_export_macro_blanked_only_where_a_declaration_starts():
    src = b"WIAMICRO_API HRESULT Scan(LONG x);\nint f(int a) { return a & IRP_SYNCHRONOUS_API; }\n"
    texts = blanked_texts(src)
    assert "WIAMICRO_API" in texts
    assert "IRP_SYNCHRONOUS_API" not in "".join(texts)


def test_similar_identifiers_untouched():
    src = b"INT INDEX; _DEVICE_H_ x; __index = __inline_count + __int64_value; IN_RANGE(a); OUTPUT o;\n"
    assert blank(src) == (src, [])


def test_comments_and_literals_untouched():
    src = (b'// _In_ NTAPI #if 0\n/* _Out_ IN OUT\n   try { } */\n'
           b'char *s = "_In_ OPTIONAL #endif"; char c = \'_\'; wchar_t *w = L"__drv_x(1)";\n'
           b'#define ANNOTATED(x) _In_ x\n')
    assert blank(src) == (src, [])


# -- preprocessor ----------------------------------------------------------


def test_if0_dropped_else_kept():
    src = b"#if 0\nint dead;\n#else\nint live;\n#endif\n"
    out, spans = check_invariants(src)
    assert b"dead" not in out and b"int live;" in out
    assert b"#" not in out


def test_first_branch_kept_others_dropped():
    src = b"#ifdef A\nint a;\n#elif B\nint b;\n#else\nint c;\n#endif\nint d;\n"
    out, _ = check_invariants(src)
    assert b"int a;" in out and b"int b" not in out and b"int c" not in out and b"int d;" in out


def test_nested_conditionals_and_cplusplus():
    src = (b"#ifdef __cplusplus\nextern \"C\" {\n#endif\n"
           b"#if X\n#if 0\nint dead1;\n#else\nint live1;\n#endif\n#else\nint dead2;\n#endif\n"
           b"#ifndef __cplusplus\nint live2;\n#endif\n"
           b"#ifdef __cplusplus\n}\n#endif\n")
    out, _ = check_invariants(src)
    assert b"extern" not in out and b"}" not in out
    assert b"live1" in out and b"live2" in out and b"dead" not in out
    assert not errors(parse(src))


def test_alternative_function_headers_balance():
    src = (b"#if DBG\nVOID Foo(int a, int b)\n#else\nVOID Foo(int a)\n#endif\n{\n"
           b"#ifdef FAST\n    if (a) {\n#else\n    if (a > 1) {\n#endif\n        x();\n    }\n}\n")
    ps = parse(src)
    assert not errors(ps)
    assert len(functions(ps)) == 1
    assert b"int a, int b" in ps.blanked and b"if (a) {" in ps.blanked and b"a > 1" not in ps.blanked


def test_pragma_inside_expression():
    src = b"void f(void) {\n    g(1,\n#pragma warning(suppress: 6001)\n      2);\n}\n"
    ps = parse(src)
    assert not errors(ps)
    assert "#pragma warning(suppress: 6001)" in [t for _, _, t in ps.spans]


def test_unterminated_conditional_blanks_to_end():
    out, _ = check_invariants(b"int a;\n#if 0\nint b;\n")
    assert out.strip() == b"int a;"


# -- MS constructs ---------------------------------------------------------


def test_seh_left_to_grammar():
    src = (b"VOID f(VOID) {\n  __try { a(); __leave; } __except (EXCEPTION_EXECUTE_HANDLER) { b(); }\n"
           b"  __try { c(); } __finally { d(); }\n}\n")
    ps = parse(src)
    assert not errors(ps) and ps.spans == []
    assert {"seh_try_statement", "seh_except_clause", "seh_finally_clause",
            "seh_leave_statement"} <= node_types(ps)


def test_ms_modifiers_left_to_grammar():
    src = (b"__declspec(noinline) int __stdcall f(int * __restrict p) { return 0; }\n"
           b"static __inline int g(void) { return 0; }\n__forceinline int h(void) { return 0; }\n")
    ps = parse(src)
    # Calling conventions alone are blanked (tree-sitter-cpp rejects them on class members).
    assert not errors(ps) and [t for _, _, t in ps.spans] == ["__stdcall"]
    assert {"ms_declspec_modifier", "ms_pointer_modifier"} <= node_types(ps)


def test_excpt_h_aliases():
    src = (b"VOID f(VOID) {\n  try {\n    if (!p) leave;\n    a();\n  } finally {\n    b();\n  }\n"
           b"  try { c(); } except (EXCEPTION_EXECUTE_HANDLER) { d(); }\n"
           b"  TRY { e(); LEAVE; } FINALLY { g(); }\n}\n")
    ps = parse(src)
    assert not errors(ps)
    assert blanked_texts(src) == ["try", "leave", "finally", "try", "except (EXCEPTION_EXECUTE_HANDLER)",
                                  "TRY", "LEAVE", "FINALLY"]


def test_while_macro():
    src = b"VOID f(VOID) {\n  do {\n    if (x) break;\n  } WHILE (FALSE);\n  WHILE (TRUE) {\n    y();\n  }\n}\n"
    ps = parse(src)
    assert not errors(ps)
    assert blanked_texts(src) == ["do", "WHILE (FALSE)", "WHILE (TRUE)"]


def test_statement_macros_without_semicolon():
    src = (b"VOID f(ULONG code) {\n    PAGED_CODE();\n    UNREFERENCED_PARAMETER(code);\n"
           b"    TraceEvents(TRACE_LEVEL_ERROR, DBG_INIT,\n                \"%!FUNC! %d\", code)\n"
           b"    switch (code) {\n        MAKE_CASE(A)\n        MAKE_CASE(B)\n        default: break;\n    }\n"
           b"    ListForEach(&head, entry) {\n        g(entry);\n    }\n    DbgDoit(x += 1)\n}\n")
    ps = parse(src)
    assert not errors(ps)
    texts = blanked_texts(src)
    assert texts[0].startswith("TraceEvents(") and texts[1:] == [
        "MAKE_CASE(A)", "MAKE_CASE(B)", "ListForEach(&head, entry)", "DbgDoit(x += 1)"]
    assert b"PAGED_CODE();" in ps.blanked and b"UNREFERENCED_PARAMETER(code);" in ps.blanked


def test_ordinary_calls_and_definitions_untouched():
    src = (b"NTSTATUS\nFoo(\n    PVOID p\n    )\n{\n    Bar(p,\n        1);\n    if (Baz(p)) {\n    }\n"
           b"    x = Qux(p)\n        + 1;\n}\n")
    assert blank(src) == (src, [])


# -- realistic drivers -----------------------------------------------------

WDM_DRIVER = rb"""
#include <ntddk.h>

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SampleUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH SampleCreateClose;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, SampleUnload)
#endif

#define SAMPLE_TAG 'lpmS'

_Function_class_(DRIVER_UNLOAD)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
SampleUnload(
    _In_ PDRIVER_OBJECT DriverObject
    )
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DriverObject);
    TraceEvents(TRACE_LEVEL_INFORMATION, DBG_INIT, "%!FUNC! unload")
    WPP_CLEANUP(DriverObject);
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
_When_(return != NULL, _Post_writable_byte_size_(Size))
static PVOID
SampleAlloc(
    IN SIZE_T Size,
    __in ULONG Tag OPTIONAL
    )
{
    return ExAllocatePoolWithTag(NonPagedPoolNx, Size, Tag);
}

NTSTATUS
NTAPI
SampleCopy(
    _Out_writes_bytes_(Length) PVOID Destination,
    __in_bcount(Length) PVOID Source,
    _In_ ULONG Length
    )
{
    NTSTATUS status = STATUS_SUCCESS;
    __try {
        ProbeForRead(Source, Length, sizeof(UCHAR));
        RtlCopyMemory(Destination, Source, Length);
        if (Length == 0) {
            __leave;
        }
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    return status;
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    PVOID buffer = NULL;
    PMDL mdl = NULL;
#if DBG
    DbgPrint("DriverEntry %wZ\n", RegistryPath);
    if (RegistryPath->Length > 0) {
#else
    if (RegistryPath != NULL) {
#endif
        buffer = SampleAlloc(PAGE_SIZE, SAMPLE_TAG);
    }
    if (buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    mdl = IoAllocateMdl(buffer, PAGE_SIZE, FALSE, FALSE, NULL);
    try {
        MmProbeAndLockPages(mdl, KernelMode, IoWriteAccess);
    } except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        ExFreePoolWithTag(buffer, SAMPLE_TAG);
        return GetExceptionCode();
    }
    DriverObject->DriverUnload = SampleUnload;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = SampleCreateClose;
    return STATUS_SUCCESS;
}
"""

KMDF_DRIVER = rb"""
#include <ntddk.h>
#include <wdf.h>

typedef struct _DEVICE_CONTEXT {
    WDFQUEUE Queue;
    PVOID Buffer;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext)

EXTERN_C_START
DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD EchoEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ EchoEvtIoRead;
EXTERN_C_END

#ifdef __cplusplus
extern "C" {
#endif
PAGED_CODE_SEG
NTSTATUS
EchoEvtDeviceAdd(
    _In_    WDFDRIVER       Driver,
    _Inout_ PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDFDEVICE device;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    PDEVICE_CONTEXT ctx;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        TraceEvents(TRACE_LEVEL_ERROR, TRACE_DEVICE, "WdfDeviceCreate failed %!STATUS!", status)
        return status;
    }
    ctx = DeviceGetContext(device);
    ctx->Buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'ohcE');
    do {
        if (ctx->Buffer == NULL) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
        queueConfig.EvtIoRead = EchoEvtIoRead;
        status = WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, &ctx->Queue);
    } WHILE (FALSE);
    return status;
}
#ifdef __cplusplus
}
#endif

_Use_decl_annotations_
VOID
EchoEvtIoRead(
    WDFQUEUE   Queue,
    WDFREQUEST Request,
    size_t     Length
    )
{
    PVOID out;
    NTSTATUS status = WdfRequestRetrieveOutputBuffer(Request, Length, &out, NULL);
#pragma warning(suppress: 28118)
    WdfRequestCompleteWithInformation(Request, status,
#if DBG
        Length
#else
        0
#endif
        );
    UNREFERENCED_PARAMETER(Queue);
}

INIT_CODE_SEG
NTSTATUS
DriverEntry(
    _In_ PDRIVER_OBJECT  DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;
    WPP_INIT_TRACING(DriverObject, RegistryPath);
    WDF_DRIVER_CONFIG_INIT(&config, EchoEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
"""


@pytest.mark.parametrize("name,src,count", [
    ("wdm", WDM_DRIVER, 4),
    ("kmdf", KMDF_DRIVER, 3),
    ("wdm-crlf-bom", b"\xef\xbb\xbf" + WDM_DRIVER.replace(b"\n", b"\r\n"), 4),
])
def test_realistic_driver_parses_without_errors(name, src, count):
    raw = parse(src, blanked=False)
    assert raw.root.has_error  # the point of blanking
    ps = parse(src)
    assert errors(ps) == []
    fns = functions(ps)
    assert len(fns) == count
    check_invariants(src)


def test_realistic_driver_keeps_calls_and_annotations():
    ps = parse(WDM_DRIVER)
    assert b"ExAllocatePoolWithTag(NonPagedPoolNx, Size, Tag)" in ps.blanked
    assert b"IoFreeMdl(mdl)" in ps.blanked
    entry = [f for f in functions(ps) if b"DriverEntry(" in ps.text(f)][0]
    assert b"DbgPrint" in ps.text(entry) and b"DbgPrint" in ps.blanked  # DBG branch kept
    alloc = [f for f in functions(ps) if b"SampleAlloc(" in ps.text(f)][0]
    header = [t for s, e, t in ps.spans if e <= alloc.start_byte][-4:]
    assert header == ["_Must_inspect_result_", "_IRQL_requires_max_(DISPATCH_LEVEL)",
                      "__drv_allocatesMem(Mem)", "_When_(return != NULL, _Post_writable_byte_size_(Size))"]


def test_parser_is_cached_and_parse_accepts_str():
    assert parser() is parser()
    ps = parse("VOID f(_In_ int x) { }")
    assert isinstance(ps, ParsedSource) and ps.source == b"VOID f(_In_ int x) { }"
    assert ps.spans == [(7, 11, "_In_")]
