// PT005 positive: pages from MmAllocatePagesForMdlEx are released with
// MmFreePagesFromMdl, which is right, but the MDL structure itself is then
// given to IoFreeMdl.  MmAllocatePagesForMdl(Ex) MDLs come from pool and go
// back with ExFreePool.
#include <ntddk.h>

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
DbProbeDmaBuffer(
    _In_ SIZE_T Bytes,
    _Out_ PULONG PageCount
    )
{
    PHYSICAL_ADDRESS low, high, skip;
    PMDL mdl;

    low.QuadPart = 0;
    high.QuadPart = 0xFFFFFFFF;
    skip.QuadPart = 0;

    mdl = MmAllocatePagesForMdlEx(low, high, skip, Bytes, MmCached, MM_ALLOCATE_FULLY_REQUIRED);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    *PageCount = (ULONG)(MmGetMdlByteCount(mdl) / PAGE_SIZE);

    MmFreePagesFromMdl(mdl);
    IoFreeMdl(mdl); // expect: PT005
    return STATUS_SUCCESS;
}
