// clang-only PT003 positive: the quota-charging allocation is inside a macro
// body, so the DPC's text never names a quota routine; clang expands the
// macro and reports the charge at the macro's use.
#include <ntddk.h>

#define TRACE_TAG 'carT'
#define ALLOC_TRACE_RECORD(size) ExAllocatePoolWithQuotaTag(NonPagedPoolNx, (size), TRACE_TAG)

typedef struct _TRACE_CONTEXT {
    KDPC Dpc;
    ULONG RecordSize;
} TRACE_CONTEXT, *PTRACE_CONTEXT;

static TRACE_CONTEXT TraceContext;

KDEFERRED_ROUTINE TraceDpc;

VOID
TraceDpc(
    _In_ PKDPC Dpc,
    _In_opt_ PVOID DeferredContext,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    )
{
    PTRACE_CONTEXT context = (PTRACE_CONTEXT)DeferredContext;
    PVOID record;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    record = ALLOC_TRACE_RECORD(context->RecordSize); // expect: PT003
    if (record != NULL) {
        RtlZeroMemory(record, context->RecordSize);
        ExFreePoolWithTag(record, TRACE_TAG);
    }
}

VOID
TraceStart(
    VOID
    )
{
    TraceContext.RecordSize = 64;
    KeInitializeDpc(&TraceContext.Dpc, TraceDpc, &TraceContext);
}
