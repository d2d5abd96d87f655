// PT001 positive: an MDL is built over a device-extension buffer; when
// mapping it fails the function returns without IoFreeMdl.
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

    mdl = IoAllocateMdl(DevExt->SharedBuffer, DevExt->SharedLength, FALSE, FALSE, NULL); // expect: PT001
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    MmBuildMdlForNonPagedPool(mdl);

    va = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (va == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    DevExt->SharedSystemVa = va;
    IoFreeMdl(mdl);
    return STATUS_SUCCESS;
}
