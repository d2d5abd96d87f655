// PT001 negative: the new buffer is given to a helper in this file that
// stores its parameter in the device extension, so ownership moves there.
#include <ntddk.h>

#define FW_TAG 'mrFW'

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK FirmwareLock;
    PVOID FirmwareImage;
    ULONG FirmwareSize;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

static
VOID
InstallFirmwareImage(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ __drv_aliasesMem PVOID Image,
    _In_ ULONG Size
    )
{
    KIRQL irql;

    KeAcquireSpinLock(&DevExt->FirmwareLock, &irql);
    DevExt->FirmwareImage = Image;
    DevExt->FirmwareSize = Size;
    KeReleaseSpinLock(&DevExt->FirmwareLock, irql);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
LoadFirmwareImage(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_reads_bytes_(Size) PVOID Source,
    _In_ ULONG Size
    )
{
    PVOID image;

    PAGED_CODE();

    if (DevExt->FirmwareImage != NULL) {
        return STATUS_ALREADY_REGISTERED;
    }

    image = ExAllocatePoolWithTag(NonPagedPoolNx, Size, FW_TAG);
    if (image == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(image, Source, Size);

    InstallFirmwareImage(DevExt, image, Size);
    return STATUS_SUCCESS;
}
