// PT001 negative: slot buffers stored into a global table and into an array
// field of the device extension are handed off, not leaked.
#include <ntddk.h>

#define SLOT_TAG 'tolS'
#define MAX_SLOTS 8

typedef struct _DEVICE_EXTENSION {
    PVOID Slots[MAX_SLOTS];
    ULONG SlotSize;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

PVOID g_SharedSlots[MAX_SLOTS];

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
AllocateSharedSlot(
    _In_ ULONG Index,
    _In_ SIZE_T Size
    )
{
    PVOID slot;

    if (Index >= MAX_SLOTS) {
        return STATUS_INVALID_PARAMETER;
    }
    slot = ExAllocatePoolWithTag(NonPagedPoolNx, Size, SLOT_TAG);
    if (slot == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlZeroMemory(slot, Size);
    g_SharedSlots[Index] = slot;
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
AllocateDeviceSlots(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    ULONG i;
    PVOID slot;

    for (i = 0; i < MAX_SLOTS; i++) {
        slot = ExAllocatePoolWithTag(NonPagedPoolNx, DevExt->SlotSize, SLOT_TAG);
        if (slot == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;   // earlier slots are in DevExt
        }
        DevExt->Slots[i] = slot;
    }
    return STATUS_SUCCESS;
}
