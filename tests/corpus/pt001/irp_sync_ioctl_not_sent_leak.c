// PT001 positive: a threaded IRP from IoBuildDeviceIoControlRequest is built
// and then abandoned when the output length is too small (never sent).
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

    KeInitializeEvent(&event, NotificationEvent, FALSE);

    irp = IoBuildDeviceIoControlRequest(IOCTL_LOWER_GET_INFO, // expect: PT001
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

    if (OutputLength < sizeof(LOWER_INFO)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    status = IoCallDriver(DevExt->LowerDevice, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
        status = iosb.Status;
    }
    return status;
}
