// PT001 positive: the descriptor copy is passed only to a helper in this file
// that reads it; the helper's failure path is returned without a free.
#include <ntddk.h>

#define DESC_TAG 'cseD'
#define DESC_MAGIC 0x44455343

typedef struct _FW_DESCRIPTOR {
    ULONG Magic;
    ULONG ImageSize;
    ULONG Checksum;
    ULONG EntryPoint;
} FW_DESCRIPTOR, *PFW_DESCRIPTOR;

typedef struct _DEVICE_EXTENSION {
    ULONG MaxImageSize;
    ULONG ImageEntry;
    ULONG ImageSize;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

static
NTSTATUS
CheckDescriptor(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ const FW_DESCRIPTOR *Desc
    )
{
    if (Desc->Magic != DESC_MAGIC) {
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    if (Desc->ImageSize == 0 || Desc->ImageSize > DevExt->MaxImageSize) {
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    if (Desc->EntryPoint >= Desc->ImageSize) {
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
AcceptFirmwareDescriptor(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_reads_bytes_(sizeof(FW_DESCRIPTOR)) PVOID UserDescriptor
    )
{
    NTSTATUS status;
    PFW_DESCRIPTOR desc;

    PAGED_CODE();

    desc = (PFW_DESCRIPTOR)ExAllocatePoolWithTag(PagedPool, sizeof(FW_DESCRIPTOR), DESC_TAG); // expect: PT001
    if (desc == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(desc, UserDescriptor, sizeof(FW_DESCRIPTOR));

    status = CheckDescriptor(DevExt, desc);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    DevExt->ImageEntry = desc->EntryPoint;
    DevExt->ImageSize = desc->ImageSize;
    ExFreePoolWithTag(desc, DESC_TAG);
    return STATUS_SUCCESS;
}
