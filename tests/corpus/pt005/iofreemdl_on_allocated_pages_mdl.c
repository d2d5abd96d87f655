// PT005 positive: a scratch page set from MmAllocatePagesForMdl is released
// with IoFreeMdl alone: the pages are never returned and the MDL goes to the
// wrong allocator.  Needed: MmFreePagesFromMdl(mdl) then ExFreePool(mdl).
#include <ntddk.h>

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
ScZeroScratchPages(
    _In_ SIZE_T Bytes
    )
{
    PHYSICAL_ADDRESS low, high, skip;
    PVOID va;
    PMDL mdl;

    low.QuadPart = 0;
    high.QuadPart = -1;
    skip.QuadPart = 0;

    mdl = MmAllocatePagesForMdl(low, high, skip, Bytes);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    va = MmMapLockedPagesSpecifyCache(mdl, KernelMode, MmCached, NULL, FALSE, NormalPagePriority);
    if (va != NULL) {
        RtlZeroMemory(va, MmGetMdlByteCount(mdl));
        MmUnmapLockedPages(va, mdl);
    }
    IoFreeMdl(mdl); // expect: PT005
    return (va != NULL) ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
