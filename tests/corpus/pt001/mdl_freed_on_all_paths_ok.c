// PT001 negative (near-miss of mdl_error_path_leak.c): the MDL is freed on
// the mapping-failure path and on the success path.
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PVOID SharedBuffer;
    ULONG SharedLength;
    PVOID SharedSystemVa;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
MapSharedBuffer(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    PMDL mdl;
    PVOID va;
    NTSTATUS status = STATUS_SUCCESS;

    mdl = IoAllocateMdl(DevExt->SharedBuffer, DevExt->SharedLength, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    MmBuildMdlForNonPagedPool(mdl);

    va = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (va == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
    } else {
        DevExt->SharedSystemVa = va;
    }

    IoFreeMdl(mdl);
    return status;
}
