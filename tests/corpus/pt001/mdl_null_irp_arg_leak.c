// PT001 positive (near-miss of mdl_attached_to_irp_ok.c): IoAllocateMdl is
// called with a NULL Irp, so the MDL is not attached; the not-ready path
// completes the IRP and leaks it.
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    PVOID DataBuffer;
    ULONG DataLength;
    BOOLEAN Ready;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_DISPATCH SampleReadWithMdl;

_Use_decl_annotations_
NTSTATUS
SampleReadWithMdl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PDEVICE_EXTENSION devExt = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PMDL mdl;
    NTSTATUS status;

    mdl = IoAllocateMdl(devExt->DataBuffer, devExt->DataLength, FALSE, FALSE, NULL); // expect: PT001
    if (mdl == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Complete;
    }
    MmBuildMdlForNonPagedPool(mdl);

    if (!devExt->Ready) {
        status = STATUS_DEVICE_NOT_READY;
        goto Complete;
    }

    Irp->MdlAddress = mdl;
    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(devExt->LowerDevice, Irp);

Complete:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
