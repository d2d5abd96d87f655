// PT003 negative: the interrupt DPC defers the quota-charged allocation to a
// KMDF work item (WdfWorkItemEnqueue); EvtWorkItem runs at PASSIVE_LEVEL in a
// worker thread and is not called by the DPC.
#include <ntddk.h>
#include <wdf.h>

#define BT_TAG 'nBtB'
#define BT_MAX_EVENTS 8

typedef struct _DEVICE_CONTEXT {
    WDFINTERRUPT Interrupt;
    WDFWORKITEM ButtonWorkItem;
    volatile LONG PendingPresses;
    ULONG DeliveredPresses;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, BtGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD BtEvtDeviceAdd;
EVT_WDF_INTERRUPT_ISR BtEvtIsr;
EVT_WDF_INTERRUPT_DPC BtEvtDpc;
EVT_WDF_WORKITEM BtEvtButtonWork;

_Use_decl_annotations_
VOID
BtEvtButtonWork(
    WDFWORKITEM WorkItem
    )
{
    PDEVICE_CONTEXT devCtx = BtGetContext((WDFDEVICE)WdfWorkItemGetParentObject(WorkItem));
    PULONG events;
    LONG count;

    PAGED_CODE();

    count = InterlockedExchange(&devCtx->PendingPresses, 0);
    if (count <= 0) {
        return;
    }
    events = (PULONG)ExAllocatePoolWithQuotaTag(PagedPool | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE,
                                                BT_MAX_EVENTS * sizeof(ULONG), BT_TAG);
    if (events == NULL) {
        return;
    }
    RtlZeroMemory(events, BT_MAX_EVENTS * sizeof(ULONG));
    events[0] = (ULONG)count;
    devCtx->DeliveredPresses += events[0];
    ExFreePoolWithTag(events, BT_TAG);
}

_Use_decl_annotations_
BOOLEAN
BtEvtIsr(
    WDFINTERRUPT Interrupt,
    ULONG MessageID
    )
{
    UNREFERENCED_PARAMETER(MessageID);
    InterlockedIncrement(&BtGetContext(WdfInterruptGetDevice(Interrupt))->PendingPresses);
    WdfInterruptQueueDpcForIsr(Interrupt);
    return TRUE;
}

_Use_decl_annotations_
VOID
BtEvtDpc(
    WDFINTERRUPT Interrupt,
    WDFOBJECT AssociatedObject
    )
{
    PDEVICE_CONTEXT devCtx = BtGetContext(WdfInterruptGetDevice(Interrupt));

    UNREFERENCED_PARAMETER(AssociatedObject);
    WdfWorkItemEnqueue(devCtx->ButtonWorkItem);
}

_Use_decl_annotations_
NTSTATUS
BtEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_INTERRUPT_CONFIG interruptConfig;
    WDF_WORKITEM_CONFIG workItemConfig;
    WDFDEVICE device;
    PDEVICE_CONTEXT devCtx;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    devCtx = BtGetContext(device);

    WDF_WORKITEM_CONFIG_INIT(&workItemConfig, BtEvtButtonWork);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfWorkItemCreate(&workItemConfig, &attributes, &devCtx->ButtonWorkItem);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_INTERRUPT_CONFIG_INIT(&interruptConfig, BtEvtIsr, BtEvtDpc);
    return WdfInterruptCreate(device, &interruptConfig, WDF_NO_OBJECT_ATTRIBUTES, &devCtx->Interrupt);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, BtEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
