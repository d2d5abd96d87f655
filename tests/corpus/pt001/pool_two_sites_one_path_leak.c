// PT001 positive: two allocations in one function, and one goto path that
// skips both frees; each allocation site is reported once.
#include <ntddk.h>

#define DSC_TAG 'csDU'

typedef struct _DESCRIPTOR_SET {
    PVOID Config;
    ULONG ConfigLength;
    PVOID Strings;
    ULONG StringsLength;
} DESCRIPTOR_SET, *PDESCRIPTOR_SET;

typedef struct _DEVICE_EXTENSION {
    UCHAR RawConfig[256];
    ULONG RawConfigLength;
    UCHAR RawStrings[512];
    ULONG RawStringsLength;
    BOOLEAN Configured;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
SnapshotDescriptors(
    _In_ PDEVICE_EXTENSION DevExt,
    _Out_ PDESCRIPTOR_SET Set
    )
{
    NTSTATUS status;
    PVOID config = NULL;
    PVOID strings = NULL;

    PAGED_CODE();

    RtlZeroMemory(Set, sizeof(DESCRIPTOR_SET));

    config = ExAllocatePoolWithTag(PagedPool, DevExt->RawConfigLength, DSC_TAG); // expect: PT001
    strings = ExAllocatePoolWithTag(PagedPool, DevExt->RawStringsLength, DSC_TAG); // expect: PT001
    if (config == NULL || strings == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Failed;
    }

    if (!DevExt->Configured) {
        status = STATUS_DEVICE_NOT_READY;
        goto Done;
    }

    RtlCopyMemory(config, DevExt->RawConfig, DevExt->RawConfigLength);
    RtlCopyMemory(strings, DevExt->RawStrings, DevExt->RawStringsLength);
    Set->Config = config;
    Set->ConfigLength = DevExt->RawConfigLength;
    Set->Strings = strings;
    Set->StringsLength = DevExt->RawStringsLength;
    status = STATUS_SUCCESS;
    goto Done;

Failed:
    if (config != NULL) {
        ExFreePoolWithTag(config, DSC_TAG);
    }
    if (strings != NULL) {
        ExFreePoolWithTag(strings, DSC_TAG);
    }

Done:
    return status;
}
