// PT002 negative: packets queued on a global list are freed by the system
// thread that consumes them; unload tells the thread to stop and waits for it,
// and the thread drains the list before it exits.
#include <ntddk.h>

typedef struct _WT_PACKET {
    LIST_ENTRY Link;
    ULONG Length;
} WT_PACKET, *PWT_PACKET;

LIST_ENTRY g_WtQueue;
KSPIN_LOCK g_WtLock;
KEVENT g_WtWake;
BOOLEAN g_WtStopping;
PVOID g_WtThread;

KSTART_ROUTINE WtWorker;
DRIVER_UNLOAD WtUnload;

_Use_decl_annotations_
VOID
WtWorker(PVOID Context)
{
    KIRQL irql;
    PLIST_ENTRY entry;

    UNREFERENCED_PARAMETER(Context);
    for (;;) {
        KeWaitForSingleObject(&g_WtWake, Executive, KernelMode, FALSE, NULL);
        KeAcquireSpinLock(&g_WtLock, &irql);
        while (!IsListEmpty(&g_WtQueue)) {
            entry = RemoveHeadList(&g_WtQueue);
            ExFreePoolWithTag(CONTAINING_RECORD(entry, WT_PACKET, Link), 'kPtW');
        }
        KeReleaseSpinLock(&g_WtLock, irql);
        if (g_WtStopping) {
            break;
        }
    }
    PsTerminateSystemThread(STATUS_SUCCESS);
}

NTSTATUS
WtQueuePacket(_In_ ULONG Length)
{
    KIRQL irql;
    PWT_PACKET packet = (PWT_PACKET)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(WT_PACKET), 'kPtW');
    if (packet == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    packet->Length = Length;
    KeAcquireSpinLock(&g_WtLock, &irql);
    InsertTailList(&g_WtQueue, &packet->Link);
    KeReleaseSpinLock(&g_WtLock, irql);
    KeSetEvent(&g_WtWake, IO_NO_INCREMENT, FALSE);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
WtUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    g_WtStopping = TRUE;
    KeSetEvent(&g_WtWake, IO_NO_INCREMENT, FALSE);
    KeWaitForSingleObject(g_WtThread, Executive, KernelMode, FALSE, NULL);
    ObDereferenceObject(g_WtThread);
}

NTSTATUS
DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    HANDLE thread;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    InitializeListHead(&g_WtQueue);
    KeInitializeSpinLock(&g_WtLock);
    KeInitializeEvent(&g_WtWake, SynchronizationEvent, FALSE);
    status = PsCreateSystemThread(&thread, THREAD_ALL_ACCESS, NULL, NULL, NULL, WtWorker, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ObReferenceObjectByHandle(thread, THREAD_ALL_ACCESS, NULL, KernelMode, &g_WtThread, NULL);
    ZwClose(thread);
    DriverObject->DriverUnload = WtUnload;
    return STATUS_SUCCESS;
}
