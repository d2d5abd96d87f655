// PT001 positive (near-miss of pool_null_check_forms2_ok.c): the assignment-in-
// condition NULL check is right, but a later size check returns without a free.
#include <ntddk.h>

#define SCR_TAG 'rcSD'
#define MAX_SCRATCH 4096

typedef struct _SCRATCH {
    ULONG Length;
    UCHAR Data[ANYSIZE_ARRAY];
} SCRATCH, *PSCRATCH;

NTSTATUS
FillScratch(
    _In_ ULONG Length,
    _In_ UCHAR Pattern
    )
{
    PSCRATCH s;

    if ((s = (PSCRATCH)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SCRATCH) + Length, SCR_TAG)) == NULL) { // expect: PT001
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (Length > MAX_SCRATCH) {
        return STATUS_INVALID_BUFFER_SIZE;
    }

    s->Length = Length;
    RtlFillMemory(s->Data, Length, Pattern);
    ExFreePoolWithTag(s, SCR_TAG);
    return STATUS_SUCCESS;
}
