// ring.c - ring helpers.  RingAllocate stores the buffer into the RING it is
// given (always a RING inside the device extension); RingFree releases it.
#include "nic.h"

_Use_decl_annotations_
NTSTATUS
RingAllocate(
    PRING Ring,
    ULONG Size
    )
{
    Ring->Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, NIC_TAG_RING);
    if (Ring->Buffer == NULL) {
        Ring->Size = 0;
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Ring->Size = Size;
    Ring->Head = 0;
    Ring->Tail = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
RingFree(
    PRING Ring
    )
{
    if (Ring->Buffer != NULL) {
        ExFreePoolWithTag(Ring->Buffer, NIC_TAG_RING);
        Ring->Buffer = NULL;
    }
    Ring->Size = 0;
}

_Use_decl_annotations_
ULONG
RingRead(
    PRING Ring,
    PUCHAR Out,
    ULONG Length
    )
{
    ULONG copied = 0;

    while (copied < Length && Ring->Tail != Ring->Head) {
        Out[copied++] = Ring->Buffer[Ring->Tail];
        Ring->Tail = (Ring->Tail + 1) % Ring->Size;
    }
    return copied;
}
