// PT001 negative (near-miss of irp_sync_ioctl_not_sent_leak.c): the length is
// validated before the threaded IRP is built; the IRP is always sent.
#include <ntddk.h>

#define IOCTL_LOWER_GET_INFO CTL_CODE(FILE_DEVICE_UNKNOWN, 0xB01, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _LOWER_INFO {
    ULONG Version;
    ULONG Capabilities;
} LOWER_INFO, *PLOWER_INFO;

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    LOWER_INFO LowerInfo;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
QueryLowerInfo(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG OutputLength
    )
{
    KEVENT event;
    IO_STATUS_BLOCK iosb;
    PIRP irp;
    NTSTATUS status;

    PAGED_CODE();

    if (OutputLength < sizeof(LOWER_INFO)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    KeInitializeEvent(&event, NotificationEvent, FALSE);

    irp = IoBuildDeviceIoControlRequest(IOCTL_LOWER_GET_INFO,
                                        DevExt->LowerDevice,
                                        NULL,
                                        0,
                                        &DevExt->LowerInfo,
                                        OutputLength,
                                        FALSE,
                                        &event,
                                        &iosb);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    status = IoCallDriver(DevExt->LowerDevice, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
        status = iosb.Status;
    }
    return status;
}
