// PT001 negative (near-miss of irp_async_fsd_leak.c): rundown protection is
// taken before the IRP is built, so every built IRP is sent with IoCallDriver.
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

    if (!ExAcquireRundownProtection(&DevExt->TargetRundown)) {
        return STATUS_DELETE_PENDING;
    }

    irp = IoBuildAsynchronousFsdRequest(IRP_MJ_WRITE,
                                        DevExt->TargetDevice,
                                        DevExt->LogBuffer,
                                        DevExt->LogBytes,
                                        &DevExt->LogOffset,
                                        NULL);
    if (irp == NULL) {
        ExReleaseRundownProtection(&DevExt->TargetRundown);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    IoSetCompletionRoutine(irp, LogWriteCompletion, DevExt, TRUE, TRUE, TRUE);
    (VOID)IoCallDriver(DevExt->TargetDevice, irp);
    return STATUS_PENDING;
}
