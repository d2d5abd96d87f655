// PT005 positive: a cleanup block that releases everything with
// ExFreePoolWithTag, including the MDL from IoAllocateMdl - which must go
// back through IoFreeMdl (MDLs come from the I/O manager's own lookaside).
#include <ntddk.h>

#define SG_TAG 'lGsS'

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
SgDescribeBuffer(
    _In_ ULONG Length,
    _Out_ PULONG Checksum
    )
{
    NTSTATUS status;
    PUCHAR buffer;
    PUCHAR view;
    PMDL mdl = NULL;
    ULONG i;

    *Checksum = 0;
    buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, SG_TAG);
    if (buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    mdl = IoAllocateMdl(buffer, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Cleanup;
    }
    MmBuildMdlForNonPagedPool(mdl);
    view = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Cleanup;
    }
    for (i = 0; i < Length; i++) {
        *Checksum += view[i];
    }
    status = STATUS_SUCCESS;

Cleanup:
    if (mdl != NULL) {
        ExFreePoolWithTag(mdl, SG_TAG); // expect: PT005
    }
    ExFreePoolWithTag(buffer, SG_TAG);
    return status;
}
