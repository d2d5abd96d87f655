// PT005 positive: an IRP from IoAllocateIrp released with ExFreePool on the
// error path (Driver Verifier 0xC4/0x105); IoFreeIrp is the only way back.
#include <wdm.h>

#define IOCTL_PX_RESET CTL_CODE(FILE_DEVICE_UNKNOWN, 0x920, METHOD_BUFFERED, FILE_ANY_ACCESS)

IO_COMPLETION_ROUTINE PxResetComplete;

_Use_decl_annotations_
NTSTATUS
PxResetComplete(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    UNREFERENCED_PARAMETER(DeviceObject);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
PxSendReset(
    _In_ PDEVICE_OBJECT Target,
    _In_ BOOLEAN TargetStarted
    )
{
    PIO_STACK_LOCATION next;
    KEVENT done;
    PIRP irp;

    irp = IoAllocateIrp(Target->StackSize, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (!TargetStarted) {
        ExFreePool(irp); // expect: PT005
        return STATUS_DEVICE_NOT_READY;
    }

    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_PX_RESET;
    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, PxResetComplete, &done, TRUE, TRUE, TRUE);
    IoCallDriver(Target, irp);
    KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    return STATUS_SUCCESS;
}
