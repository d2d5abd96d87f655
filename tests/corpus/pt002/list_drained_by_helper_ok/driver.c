// PT002 negative: unload drains the global queue, releasing each packet
// through a helper (FreePkt) rather than ExFreePool directly.
#include <ntddk.h>

typedef struct _QP_PACKET {
    LIST_ENTRY Link;
    ULONG Bytes;
} QP_PACKET, *PQP_PACKET;

LIST_ENTRY g_QpQueue;
DRIVER_UNLOAD QpUnload;

static VOID
FreePkt(_In_ PQP_PACKET Packet)
{
    ExFreePoolWithTag(Packet, 'tkPQ');
}

NTSTATUS
QpEnqueue(_In_ ULONG Bytes)
{
    PQP_PACKET packet = (PQP_PACKET)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(QP_PACKET), 'tkPQ');
    if (packet == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    packet->Bytes = Bytes;
    InsertTailList(&g_QpQueue, &packet->Link);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
QpUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    while (!IsListEmpty(&g_QpQueue)) {
        FreePkt(CONTAINING_RECORD(RemoveHeadList(&g_QpQueue), QP_PACKET, Link));
    }
}

NTSTATUS
DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    InitializeListHead(&g_QpQueue);
    DriverObject->DriverUnload = QpUnload;
    return QpEnqueue(64);
}
