// PT001 positive: an IOCTL dispatch allocates a reply buffer before the
// switch; one case returns directly instead of breaking to the free.
#include <ntddk.h>

#define IOCTL_TAG 'lctI'
#define IOCTL_SAMPLE_GET_VERSION  CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_SAMPLE_GET_STATS    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_SAMPLE_RESET        CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_WRITE_ACCESS)

typedef struct _SAMPLE_REPLY {
    ULONG Version;
    ULONG Reads;
    ULONG Writes;
} SAMPLE_REPLY, *PSAMPLE_REPLY;

typedef struct _DEVICE_EXTENSION {
    ULONG Reads;
    ULONG Writes;
    BOOLEAN Started;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_DISPATCH SampleDeviceControl;

_Use_decl_annotations_
NTSTATUS
SampleDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PDEVICE_EXTENSION devExt = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG outLen = stack->Parameters.DeviceIoControl.OutputBufferLength;
    PSAMPLE_REPLY reply;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG_PTR info = 0;

    reply = (PSAMPLE_REPLY)ExAllocatePoolZero(NonPagedPoolNx, sizeof(SAMPLE_REPLY), IOCTL_TAG); // expect: PT001
    if (reply == NULL) {
        Irp->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_SAMPLE_GET_VERSION:
        reply->Version = 0x00010002;
        info = sizeof(ULONG);
        break;

    case IOCTL_SAMPLE_GET_STATS:
        if (!devExt->Started) {
            Irp->IoStatus.Status = STATUS_DEVICE_NOT_READY;
            Irp->IoStatus.Information = 0;
            IoCompleteRequest(Irp, IO_NO_INCREMENT);
            return STATUS_DEVICE_NOT_READY;
        }
        reply->Reads = devExt->Reads;
        reply->Writes = devExt->Writes;
        info = sizeof(SAMPLE_REPLY);
        break;

    case IOCTL_SAMPLE_RESET:
        devExt->Reads = 0;
        devExt->Writes = 0;
        break;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    if (NT_SUCCESS(status) && info != 0) {
        if (outLen < info) {
            status = STATUS_BUFFER_TOO_SMALL;
            info = 0;
        } else {
            RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, reply, info);
        }
    }

    ExFreePoolWithTag(reply, IOCTL_TAG);

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = info;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
