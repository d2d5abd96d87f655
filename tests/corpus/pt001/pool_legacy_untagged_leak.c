// PT001 positive: legacy untagged ExAllocatePool in a WDM read path; the
// zero-length request is completed without ExFreePool.
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    UCHAR Latched[256];
    ULONG LatchedLength;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_DISPATCH LegacyRead;

NTSTATUS
LegacyRead(
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_ PIRP Irp
    )
{
    PDEVICE_EXTENSION devExt = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG length = irpSp->Parameters.Read.Length;
    PUCHAR staging;

    staging = ExAllocatePool(NonPagedPool, sizeof(devExt->Latched)); // expect: PT001
    if (staging == NULL) {
        Irp->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (length == 0) {
        Irp->IoStatus.Status = STATUS_SUCCESS;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_SUCCESS;
    }

    if (length > devExt->LatchedLength) {
        length = devExt->LatchedLength;
    }
    RtlCopyMemory(staging, devExt->Latched, length);
    RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, staging, length);
    ExFreePool(staging);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = length;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}
