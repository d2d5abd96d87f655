// driver.c - DriverEntry, device creation and unload for the "leaky" example.
// One deliberate PT001 leak: the settings buffer in LkCreateDevice.
#include "leaky.h"

UNICODE_STRING g_LkRegistryPath;

_Use_decl_annotations_
NTSTATUS
LkCreateDevice(PDRIVER_OBJECT DriverObject)
{
    NTSTATUS status;
    UNICODE_STRING deviceName, linkName;
    PDEVICE_OBJECT deviceObject;
    PLK_DEVICE_EXTENSION devExt;
    PLK_SETTINGS settings;

    PAGED_CODE();
    RtlInitUnicodeString(&deviceName, LK_DEVICE_NAME);
    RtlInitUnicodeString(&linkName, LK_LINK_NAME);

    status = IoCreateDevice(DriverObject, sizeof(LK_DEVICE_EXTENSION), &deviceName,
                            FILE_DEVICE_UNKNOWN, FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    devExt = (PLK_DEVICE_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(devExt, sizeof(LK_DEVICE_EXTENSION));
    KeInitializeSpinLock(&devExt->Lock);
    InitializeListHead(&devExt->RecordList);

    devExt->TransferBuffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, LK_TRANSFER_BYTES, LK_TAG_TRANSFER);
    if (devExt->TransferBuffer == NULL) {
        IoDeleteDevice(deviceObject);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    settings = (PLK_SETTINGS)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(LK_SETTINGS), LK_TAG_SETTINGS); // expect: PT001
    if (settings == NULL) {
        ExFreePoolWithTag(devExt->TransferBuffer, LK_TAG_TRANSFER);
        IoDeleteDevice(deviceObject);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlZeroMemory(settings, sizeof(LK_SETTINGS));
    settings->MaxRecords = 64;

    status = IoCreateSymbolicLink(&linkName, &deviceName);
    if (!NT_SUCCESS(status)) {
        // BUG: settings is not freed on this path.
        ExFreePoolWithTag(devExt->TransferBuffer, LK_TAG_TRANSFER);
        IoDeleteDevice(deviceObject);
        return status;
    }

    RtlCopyMemory(&devExt->Settings, settings, sizeof(LK_SETTINGS));
    ExFreePoolWithTag(settings, LK_TAG_SETTINGS);

    ExInitializeNPagedLookasideList(&devExt->RecordLookaside, NULL, NULL, POOL_NX_ALLOCATION,
                                    sizeof(LK_RECORD), LK_TAG_RECORD, 0);
    deviceObject->Flags |= DO_BUFFERED_IO;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
LkUnload(PDRIVER_OBJECT DriverObject)
{
    PDEVICE_OBJECT deviceObject = DriverObject->DeviceObject;
    PLK_DEVICE_EXTENSION devExt;
    UNICODE_STRING linkName;
    PLIST_ENTRY entry;

    PAGED_CODE();
    if (deviceObject != NULL) {
        devExt = (PLK_DEVICE_EXTENSION)deviceObject->DeviceExtension;
        while (!IsListEmpty(&devExt->RecordList)) {
            entry = RemoveHeadList(&devExt->RecordList);
            ExFreeToNPagedLookasideList(&devExt->RecordLookaside, CONTAINING_RECORD(entry, LK_RECORD, Link));
        }
        ExDeleteNPagedLookasideList(&devExt->RecordLookaside);
        ExFreePoolWithTag(devExt->TransferBuffer, LK_TAG_TRANSFER);

        RtlInitUnicodeString(&linkName, LK_LINK_NAME);
        IoDeleteSymbolicLink(&linkName);
        IoDeleteDevice(deviceObject);
    }
    RtlFreeUnicodeString(&g_LkRegistryPath);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;

    ExInitializeDriverRuntime(DrvRtPoolNxOptIn);

    status = RtlDuplicateUnicodeString(RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE,
                                       RegistryPath, &g_LkRegistryPath);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = LkCreateDevice(DriverObject);
    if (!NT_SUCCESS(status)) {
        RtlFreeUnicodeString(&g_LkRegistryPath);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = LkCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = LkCreateClose;
    DriverObject->MajorFunction[IRP_MJ_READ] = LkRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = LkWrite;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = LkDeviceControl;
    DriverObject->DriverUnload = LkUnload;
    return STATUS_SUCCESS;
}
