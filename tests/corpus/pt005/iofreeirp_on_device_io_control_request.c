// PT005 positive: an IRP from IoBuildDeviceIoControlRequest is discarded with
// IoFreeIrp when the device is being removed.  Threaded IRPs built by the I/O
// manager may only go away by being completed; IoFreeIrp is for IRPs from
// IoAllocateIrp.
#include <wdm.h>

#define IOCTL_BT_QUERY CTL_CODE(FILE_DEVICE_UNKNOWN, 0x930, METHOD_BUFFERED, FILE_READ_ACCESS)

typedef struct _BT_EXTENSION {
    PDEVICE_OBJECT Lower;
    volatile BOOLEAN SurpriseRemoved;
} BT_EXTENSION, *PBT_EXTENSION;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
BtQueryLower(
    _In_ PBT_EXTENSION Ext,
    _Out_writes_bytes_(OutLength) PVOID Out,
    _In_ ULONG OutLength
    )
{
    IO_STATUS_BLOCK iosb;
    KEVENT event;
    NTSTATUS status;
    PIRP irp;

    KeInitializeEvent(&event, NotificationEvent, FALSE);
    irp = IoBuildDeviceIoControlRequest(IOCTL_BT_QUERY, Ext->Lower, NULL, 0, Out, OutLength,
                                        TRUE, &event, &iosb);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (Ext->SurpriseRemoved) {
        IoFreeIrp(irp); // expect: PT005
        return STATUS_DELETE_PENDING;
    }

    status = IoCallDriver(Ext->Lower, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
        status = iosb.Status;
    }
    return status;
}
