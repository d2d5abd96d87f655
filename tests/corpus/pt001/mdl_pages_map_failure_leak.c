// PT001 positive: a page MDL from MmAllocatePagesForMdl is mapped; when the
// mapping fails the function returns without MmFreePagesFromMdl/ExFreePool.
#include <ntddk.h>

typedef struct _DEVICE_EXTENSION {
    PMDL RingMdl;
    PVOID RingVa;
    SIZE_T RingBytes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
AllocateDescriptorRing(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ SIZE_T Bytes
    )
{
    PHYSICAL_ADDRESS low;
    PHYSICAL_ADDRESS high;
    PHYSICAL_ADDRESS skip;
    PMDL mdl;
    PVOID va;

    PAGED_CODE();

    low.QuadPart = 0;
    high.QuadPart = 0xFFFFFFFF;     // 32-bit DMA engine
    skip.QuadPart = 0;

    mdl = MmAllocatePagesForMdl(low, high, skip, Bytes); // expect: PT001
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    va = MmMapLockedPagesSpecifyCache(mdl, KernelMode, MmCached, NULL, FALSE,
                                      NormalPagePriority | MdlMappingNoExecute);
    if (va == NULL) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL,
                   "AllocateDescriptorRing: map of %Iu bytes failed\n", Bytes);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlZeroMemory(va, Bytes);
    DevExt->RingMdl = mdl;
    DevExt->RingVa = va;
    DevExt->RingBytes = Bytes;
    return STATUS_SUCCESS;
}
