"""Property-based tests (hypothesis) for the whole pipeline.

1. Any text made of driver-code tokens goes through analyze_source without an
   exception, and every finding points inside the file.
2. A generated function that allocates and releases before every way out of
   it, however its branches, loops, switches and gotos are arranged, has no
   PT001 finding (the analysis must not invent a leak); with one early exit
   that forgets the release, it has exactly one (it must not miss it).
"""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.knowledge import default_knowledge
from analyzer.pipeline import analyze_source

KNOWLEDGE = default_knowledge()

TOKENS = ["{", "}", "(", ")", ";", ",", "if", "else", "while", "for", "do", "switch", "case 1:",
          "default:", "break", "continue", "return", "goto Exit", "Exit:", "__try", "__except(1)",
          "__finally", "__leave", "p", "q", "status", "NULL", "=", "==", "!=", "!", "&&", "||",
          "ExAllocatePoolWithTag(NonPagedPoolNx, 8, 'gaT1')", "ExFreePool(p)", "IoAllocateMdl(p, 8, FALSE, FALSE, NULL)",
          "IoFreeMdl(q)", "NT_SUCCESS(status)", "KeBugCheckEx(1, 0, 0, 0, 0)", "Dev->Flags",
          "_In_", "_Out_", "PAGED_CODE();", "#if DBG\n", "#else\n", "#endif\n", "/*", "*/", "//", "\n",
          "\"str\"", "'c'", "NTSTATUS F(PDEVICE_OBJECT Dev)", "PVOID"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=120))
def test_token_soup_never_crashes(tokens):
    src = " ".join(tokens).encode()
    report = analyze_source("soup.c", src, KNOWLEDGE)
    lines = src.count(b"\n") + 1
    for f in report.findings:
        assert 1 <= f.loc.line <= lines


# ------------------------------------------------------------ structured programs
def _block(draw, depth: int) -> list[str]:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["call", "if", "while", "switch", "return", "goto"] if depth < 3
                                    else ["call", "return", "goto"]))
        if kind == "call":
            out.append(draw(st.sampled_from(["Touch(Dev);", "RtlZeroMemory(p, 8);", "Dev->Count++;",
                                             "status = Query(Dev);"])))
        elif kind == "if":
            cond = draw(st.sampled_from(["Dev->Flags", "!NT_SUCCESS(status)", "p != NULL", "Dev->Count > 3"]))
            out.append(f"if ({cond}) {{")
            out += _block(draw, depth + 1)
            out.append("} else {")
            out += _block(draw, depth + 1)
            out.append("}")
        elif kind == "while":
            out.append("while (Dev->Count < 10) {")
            out.append("Dev->Count++;")
            out += _block(draw, depth + 1)
            out.append("}")
        elif kind == "switch":
            out.append("switch (Dev->Type) {")
            out.append("case 1:")
            out += _block(draw, depth + 1)
            out.append("break;")
            out.append("default:")
            out += _block(draw, depth + 1)
            out.append("break;")
            out.append("}")
        elif kind == "return":
            # Every way out releases first.
            out.append("ExFreePoolWithTag(p, 'gaT1'); return STATUS_UNSUCCESSFUL;")
        else:
            out.append("goto Exit;")
    return out


@st.composite
def balanced_function(draw):
    body = _block(draw, 0)
    return "\n".join([
        "NTSTATUS F(PDEVICE_OBJECT Dev)", "{",
        "NTSTATUS status = STATUS_SUCCESS;",
        "PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 8, 'gaT1');",
        "if (p == NULL) { return STATUS_INSUFFICIENT_RESOURCES; }",
        *body,
        "Exit:",
        "ExFreePoolWithTag(p, 'gaT1');",
        "return status;", "}", ""])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(balanced_function())
def test_release_before_every_exit_is_never_a_leak(src):
    report = analyze_source("balanced.c", src.encode(), KNOWLEDGE)
    assert not report.findings, (src, report.findings)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(balanced_function())
def test_an_early_exit_without_release_is_always_a_leak(src):
    # Right after the NULL check every path is still open: an early return
    # there that forgets the release leaks, whatever follows.
    leaky = src.replace("if (p == NULL) { return STATUS_INSUFFICIENT_RESOURCES; }",
                        "if (p == NULL) { return STATUS_INSUFFICIENT_RESOURCES; }\n"
                        "if (Dev->Broken) { return STATUS_DEVICE_NOT_READY; }")
    report = analyze_source("leaky.c", leaky.encode(), KNOWLEDGE)
    assert [(f.rule_id, f.loc.line) for f in report.findings] == [("PT001", 4)], leaky
