// PT005 negative: the documented two-step release of an
// MmAllocatePagesForMdlEx MDL - MmFreePagesFromMdl for the pages, then
// ExFreePool for the MDL structure itself.
#include <ntddk.h>

#define CB_RING_BYTES (64 * 1024)

typedef struct _CB_RING {
    PMDL PagesMdl;
    PVOID SystemVa;
} CB_RING, *PCB_RING;

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
CbTestRingAllocation(
    VOID
    )
{
    PHYSICAL_ADDRESS low, high, skip;
    CB_RING ring;

    low.QuadPart = 0;
    high.QuadPart = 0xFFFFFFFF;          // 32-bit DMA engine
    skip.QuadPart = 0;

    ring.PagesMdl = MmAllocatePagesForMdlEx(low, high, skip, CB_RING_BYTES, MmNonCached,
                                            MM_ALLOCATE_FULLY_REQUIRED | MM_DONT_ZERO_ALLOCATION);
    if (ring.PagesMdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ring.SystemVa = MmMapLockedPagesSpecifyCache(ring.PagesMdl, KernelMode, MmNonCached, NULL,
                                                 FALSE, NormalPagePriority | MdlMappingNoExecute);
    if (ring.SystemVa != NULL) {
        RtlZeroMemory(ring.SystemVa, CB_RING_BYTES);
        MmUnmapLockedPages(ring.SystemVa, ring.PagesMdl);
    }

    MmFreePagesFromMdl(ring.PagesMdl);
    ExFreePool(ring.PagesMdl);
    return (ring.SystemVa != NULL) ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
