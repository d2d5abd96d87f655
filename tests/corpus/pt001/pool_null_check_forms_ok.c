// PT001 negative: the early return happens only on the NULL side of the
// allocation check, written in the usual five ways; success paths free.
#include <ntddk.h>

#define SCR_TAG 'rcSD'

typedef struct _SCRATCH {
    ULONG Length;
    UCHAR Data[ANYSIZE_ARRAY];
} SCRATCH, *PSCRATCH;

NTSTATUS
ScratchNotForm(
    _In_ ULONG Length
    )
{
    PSCRATCH s = (PSCRATCH)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SCRATCH) + Length, SCR_TAG);

    if (!s) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    s->Length = Length;
    RtlZeroMemory(s->Data, Length);
    ExFreePoolWithTag(s, SCR_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS
ScratchEqualsNullForm(
    _In_ ULONG Length
    )
{
    PSCRATCH s;

    s = (PSCRATCH)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SCRATCH) + Length, SCR_TAG);
    if (s == NULL) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_WARNING_LEVEL, "scratch: out of pool (%lu)\n", Length);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    s->Length = Length;
    ExFreePoolWithTag(s, SCR_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS
ScratchYodaForm(
    _In_ ULONG Length
    )
{
    PSCRATCH s;

    s = (PSCRATCH)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SCRATCH) + Length, SCR_TAG);
    if (NULL == s) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    s->Length = Length;
    ExFreePool(s);
    return STATUS_SUCCESS;
}
