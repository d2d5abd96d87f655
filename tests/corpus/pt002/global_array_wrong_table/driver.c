// PT002 positive: per-channel receive and transmit buffers live in two
// global arrays.  The unload loop was copied from the transmit side and frees
// g_TxBuffers twice over instead of g_RxBuffers, so every receive buffer is
// outstanding at unload.  (The transmit buffers are fine.)
#include <ntddk.h>

#define CHANNEL_COUNT 4
#define CHANNEL_BYTES (8 * 1024)
#define RX_TAG 'xRhC'
#define TX_TAG 'xThC'

PUCHAR g_RxBuffers[CHANNEL_COUNT];
PUCHAR g_TxBuffers[CHANNEL_COUNT];

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD ChUnload;

static
VOID
ChFreeTransmit(
    VOID
    )
{
    ULONG i;

    for (i = 0; i < CHANNEL_COUNT; i++) {
        if (g_TxBuffers[i] != NULL) {
            ExFreePoolWithTag(g_TxBuffers[i], TX_TAG);
            g_TxBuffers[i] = NULL;
        }
    }
}

_Use_decl_annotations_
VOID
ChUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    ULONG i;

    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    ChFreeTransmit();
    for (i = 0; i < CHANNEL_COUNT; i++) {
        if (g_TxBuffers[i] != NULL) {         // BUG: should be g_RxBuffers
            ExFreePoolWithTag(g_TxBuffers[i], TX_TAG);
            g_TxBuffers[i] = NULL;
        }
    }
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    ULONG i;

    UNREFERENCED_PARAMETER(RegistryPath);

    for (i = 0; i < CHANNEL_COUNT; i++) {
        g_RxBuffers[i] = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, CHANNEL_BYTES, RX_TAG); // expect: PT002
        g_TxBuffers[i] = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, CHANNEL_BYTES, TX_TAG);
        if (g_RxBuffers[i] == NULL || g_TxBuffers[i] == NULL) {
            ChUnload(DriverObject);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }

    DriverObject->DriverUnload = ChUnload;
    return STATUS_SUCCESS;
}
