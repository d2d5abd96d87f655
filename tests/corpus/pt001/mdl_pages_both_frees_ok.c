// PT001 negative (near-miss of mdl_pages_missing_exfreepool_leak.c): pages are
// freed with MmFreePagesFromMdl and then the MDL with ExFreePool; a second
// function keeps the page MDL in the device extension.
#include <ntddk.h>

typedef struct _DEVICE_EXTENSION {
    ULONG DmaWindowBytes;
    PHYSICAL_ADDRESS DmaLimit;
    PMDL ScratchPages;
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

    mdl = MmAllocatePagesForMdlEx(low, DevExt->DmaLimit, skip,
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
    ExFreePool(mdl);
    return status;
}

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
ReserveScratchPages(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ SIZE_T Bytes
    )
{
    PHYSICAL_ADDRESS low;
    PHYSICAL_ADDRESS high;
    PHYSICAL_ADDRESS skip;
    PMDL mdl;

    low.QuadPart = 0;
    high.QuadPart = -1;
    skip.QuadPart = 0;

    mdl = MmAllocatePagesForMdl(low, high, skip, Bytes);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (MmGetMdlByteCount(mdl) < Bytes) {
        MmFreePagesFromMdl(mdl);
        ExFreePool(mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    DevExt->ScratchPages = mdl;
    return STATUS_SUCCESS;
}
