// PT002 positive (and a negative): two queues of the same struct type hang
// off the device extension.  The unload routine frees the receive queue's
// entries through the extension (ext->RxQueue.Entries), which releases that
// queue's storage only: the transmit queue's entries stay allocated.
#include <ntddk.h>

#define QUEUE_TAG 'euQD'

typedef struct _REQUEST_QUEUE {
    PVOID Entries;
    ULONG Depth;
} REQUEST_QUEUE, *PREQUEST_QUEUE;

typedef struct _DEVICE_EXTENSION {
    REQUEST_QUEUE RxQueue;
    REQUEST_QUEUE TxQueue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD QueuesUnload;

static PDEVICE_OBJECT QueuesDevice;

VOID
QueuesUnload(
    _In_ PDRIVER_OBJECT DriverObject
    )
{
    PDEVICE_EXTENSION ext = (PDEVICE_EXTENSION)QueuesDevice->DeviceExtension;

    UNREFERENCED_PARAMETER(DriverObject);
    ExFreePoolWithTag(ext->RxQueue.Entries, QUEUE_TAG);
    IoDeleteDevice(QueuesDevice);
}

NTSTATUS
DriverEntry(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    PDEVICE_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &QueuesDevice);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PDEVICE_EXTENSION)QueuesDevice->DeviceExtension;
    ext->RxQueue.Entries = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, QUEUE_TAG);
    ext->TxQueue.Entries = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, QUEUE_TAG); // expect: PT002
    if (ext->RxQueue.Entries == NULL || ext->TxQueue.Entries == NULL) {
        if (ext->RxQueue.Entries != NULL) {
            ExFreePoolWithTag(ext->RxQueue.Entries, QUEUE_TAG);
        }
        if (ext->TxQueue.Entries != NULL) {
            ExFreePoolWithTag(ext->TxQueue.Entries, QUEUE_TAG);
        }
        IoDeleteDevice(QueuesDevice);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    DriverObject->DriverUnload = QueuesUnload;
    return STATUS_SUCCESS;
}
