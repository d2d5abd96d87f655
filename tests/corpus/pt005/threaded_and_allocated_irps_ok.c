// PT005 negative: an IoBuildDeviceIoControlRequest IRP that is sent and left
// to the I/O manager, next to an IoAllocateIrp IRP that the driver frees
// itself with IoFreeIrp when it decides not to send it.
#include <wdm.h>

#define IOCTL_TI_GET_CAPS  CTL_CODE(FILE_DEVICE_UNKNOWN, 0x940, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_TI_ARM       CTL_CODE(FILE_DEVICE_UNKNOWN, 0x941, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _TI_CAPS {
    ULONG Version;
    BOOLEAN SupportsArm;
} TI_CAPS, *PTI_CAPS;

IO_COMPLETION_ROUTINE TiArmComplete;

_Use_decl_annotations_
NTSTATUS
TiArmComplete(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
TiArmIfSupported(
    _In_ PDEVICE_OBJECT Lower
    )
{
    PIO_STACK_LOCATION next;
    IO_STATUS_BLOCK iosb;
    TI_CAPS caps;
    KEVENT event;
    PIRP armIrp;
    PIRP capsIrp;
    NTSTATUS status;

    armIrp = IoAllocateIrp(Lower->StackSize, FALSE);
    if (armIrp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    KeInitializeEvent(&event, NotificationEvent, FALSE);
    capsIrp = IoBuildDeviceIoControlRequest(IOCTL_TI_GET_CAPS, Lower, NULL, 0, &caps, sizeof(caps),
                                            TRUE, &event, &iosb);
    if (capsIrp == NULL) {
        IoFreeIrp(armIrp);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = IoCallDriver(Lower, capsIrp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
        status = iosb.Status;
    }
    if (!NT_SUCCESS(status) || !caps.SupportsArm) {
        IoFreeIrp(armIrp);
        return NT_SUCCESS(status) ? STATUS_NOT_SUPPORTED : status;
    }

    next = IoGetNextIrpStackLocation(armIrp);
    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_TI_ARM;
    IoSetCompletionRoutine(armIrp, TiArmComplete, NULL, TRUE, TRUE, TRUE);
    return IoCallDriver(Lower, armIrp);
}
