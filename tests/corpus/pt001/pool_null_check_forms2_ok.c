// PT001 negative: allocation tested with if (p) { ... } else { ... } and with
// the assignment inside the condition; the else / NULL branch owns nothing.
#include <ntddk.h>

#define SCR_TAG 'rcSD'

typedef struct _SCRATCH {
    ULONG Length;
    UCHAR Data[ANYSIZE_ARRAY];
} SCRATCH, *PSCRATCH;

NTSTATUS
ScratchIfElseForm(
    _In_ ULONG Length
    )
{
    NTSTATUS status;
    PSCRATCH s;

    s = (PSCRATCH)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SCRATCH) + Length, SCR_TAG);
    if (s) {
        s->Length = Length;
        RtlFillMemory(s->Data, Length, 0xA5);
        ExFreePoolWithTag(s, SCR_TAG);
        status = STATUS_SUCCESS;
    } else {
        status = STATUS_INSUFFICIENT_RESOURCES;
    }
    return status;
}

NTSTATUS
ScratchAssignInConditionForm(
    _In_ ULONG Length
    )
{
    PSCRATCH s;

    if ((s = (PSCRATCH)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SCRATCH) + Length, SCR_TAG)) == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    s->Length = Length;
    ExFreePoolWithTag(s, SCR_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS
ScratchNotEqualsForm(
    _In_ ULONG Length
    )
{
    PSCRATCH s;

    s = (PSCRATCH)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SCRATCH) + Length, SCR_TAG);
    if (s != NULL) {
        s->Length = Length;
        ExFreePoolWithTag(s, SCR_TAG);
        return STATUS_SUCCESS;
    }
    return STATUS_INSUFFICIENT_RESOURCES;
}
