// PT001 positive: IoBuildAsynchronousFsdRequest builds a write IRP; if
// rundown protection cannot be acquired the IRP is dropped without IoFreeIrp.
#include <ntddk.h>

typedef struct _LOG_DEVICE_EXTENSION {
    PDEVICE_OBJECT TargetDevice;
    EX_RUNDOWN_REF TargetRundown;
    PVOID LogBuffer;
    ULONG LogBytes;
    LARGE_INTEGER LogOffset;
} LOG_DEVICE_EXTENSION, *PLOG_DEVICE_EXTENSION;

IO_COMPLETION_ROUTINE LogWriteCompletion;

_Use_decl_annotations_
NTSTATUS
LogWriteCompletion(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PLOG_DEVICE_EXTENSION devExt = (PLOG_DEVICE_EXTENSION)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (Irp->MdlAddress != NULL) {
        IoFreeMdl(Irp->MdlAddress);
        Irp->MdlAddress = NULL;
    }
    IoFreeIrp(Irp);
    ExReleaseRundownProtection(&devExt->TargetRundown);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
FlushLogAsync(
    _In_ PLOG_DEVICE_EXTENSION DevExt
    )
{
    PIRP irp;

    irp = IoBuildAsynchronousFsdRequest(IRP_MJ_WRITE, // expect: PT001
                                        DevExt->TargetDevice,
                                        DevExt->LogBuffer,
                                        DevExt->LogBytes,
                                        &DevExt->LogOffset,
                                        NULL);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (!ExAcquireRundownProtection(&DevExt->TargetRundown)) {
        return STATUS_DELETE_PENDING;
    }

    IoSetCompletionRoutine(irp, LogWriteCompletion, DevExt, TRUE, TRUE, TRUE);
    (VOID)IoCallDriver(DevExt->TargetDevice, irp);
    return STATUS_PENDING;
}
