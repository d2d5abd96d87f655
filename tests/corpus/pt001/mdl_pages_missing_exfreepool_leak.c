// PT001 positive: MmAllocatePagesForMdlEx pages are returned with
// MmFreePagesFromMdl, but the MDL itself is never released with ExFreePool.
#include <ntddk.h>

typedef struct _DEVICE_EXTENSION {
    ULONG DmaWindowBytes;
    PHYSICAL_ADDRESS DmaLimit;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
ProbeDmaWindow(
    _In_ PDEVICE_EXTENSION DevExt
    )
{
    PHYSICAL_ADDRESS low;
    PHYSICAL_ADDRESS skip;
    PMDL mdl;
    NTSTATUS status = STATUS_SUCCESS;

    low.QuadPart = 0;
    skip.QuadPart = 0;

    mdl = MmAllocatePagesForMdlEx(low, DevExt->DmaLimit, skip, // expect: PT001
                                  DevExt->DmaWindowBytes,
                                  MmCached,
                                  MM_ALLOCATE_FULLY_REQUIRED);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (MmGetMdlByteCount(mdl) < DevExt->DmaWindowBytes) {
        status = STATUS_INSUFFICIENT_RESOURCES;
    }

    MmFreePagesFromMdl(mdl);
    return status;
}
