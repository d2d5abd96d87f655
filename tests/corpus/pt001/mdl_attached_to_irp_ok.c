// PT001 negative: MDLs that end up owned by an IRP -- IoAllocateMdl with a
// non-NULL Irp argument, and an MDL stored into Irp->MdlAddress.
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    PVOID DataBuffer;
    ULONG DataLength;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
AttachDataMdl(
    _In_ PDEVICE_EXTENSION DevExt,
    _Inout_ PIRP Irp
    )
{
    PMDL mdl;

    mdl = IoAllocateMdl(DevExt->DataBuffer, DevExt->DataLength, FALSE, FALSE, Irp);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);

    if (DevExt->LowerDevice == NULL) {
        // The MDL is chained to the IRP; IoFreeIrp/IoCompleteRequest frees it.
        return STATUS_NO_SUCH_DEVICE;
    }
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
SetIrpDataMdl(
    _In_ PDEVICE_EXTENSION DevExt,
    _Inout_ PIRP Irp
    )
{
    PMDL mdl;

    mdl = IoAllocateMdl(DevExt->DataBuffer, DevExt->DataLength, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);
    Irp->MdlAddress = mdl;
    return STATUS_SUCCESS;
}
