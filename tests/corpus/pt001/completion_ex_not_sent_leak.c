// PT001 positive: IoSetCompletionRoutineEx allocates a context that is only
// released when the IRP is sent; this path frees the IRP instead of sending it.
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT LowerDevice;
    EX_RUNDOWN_REF LowerRundown;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

IO_COMPLETION_ROUTINE PowerProbeCompletion;

_Use_decl_annotations_
NTSTATUS
PowerProbeCompletion(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PDEVICE_EXTENSION devExt = (PDEVICE_EXTENSION)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    ExReleaseRundownProtection(&devExt->LowerRundown);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
SendPowerProbe(
    _In_ PDEVICE_EXTENSION DevExt
    )
{
    PIRP irp;
    PIO_STACK_LOCATION next;
    NTSTATUS status;

    irp = IoAllocateIrp(DevExt->LowerDevice->StackSize, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    irp->IoStatus.Status = STATUS_NOT_SUPPORTED;
    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_FLUSH_BUFFERS;

    status = IoSetCompletionRoutineEx(DevExt->Self, irp, PowerProbeCompletion, DevExt, TRUE, TRUE, TRUE); // expect: PT001
    if (!NT_SUCCESS(status)) {
        IoFreeIrp(irp);
        return status;
    }

    if (!ExAcquireRundownProtection(&DevExt->LowerRundown)) {
        IoFreeIrp(irp);
        return STATUS_DELETE_PENDING;
    }

    return IoCallDriver(DevExt->LowerDevice, irp);
}
