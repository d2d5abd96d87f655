// PT001 negative: buffers stored into device-extension fields through the
// DevExt pointer belong to the device and are freed at remove time.
#include <ntddk.h>

#define RING_TAG 'gniR'

typedef struct _DEVICE_EXTENSION {
    PUCHAR RxRing;
    PUCHAR TxRing;
    ULONG RingSize;
    KSPIN_LOCK RingLock;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
AllocateRings(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG RingSize
    )
{
    PUCHAR rx;
    PUCHAR tx;

    PAGED_CODE();

    rx = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, RingSize, RING_TAG);
    if (rx == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    DevExt->RxRing = rx;

    tx = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, RingSize, RING_TAG);
    if (tx == NULL) {
        // rx already belongs to the extension; FreeRings releases it.
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    DevExt->TxRing = tx;
    DevExt->RingSize = RingSize;
    KeInitializeSpinLock(&DevExt->RingLock);
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
FreeRings(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    if (DevExt->TxRing != NULL) {
        ExFreePoolWithTag(DevExt->TxRing, RING_TAG);
        DevExt->TxRing = NULL;
    }
    if (DevExt->RxRing != NULL) {
        ExFreePoolWithTag(DevExt->RxRing, RING_TAG);
        DevExt->RxRing = NULL;
    }
}
