// PT003 positive: a periodic KMDF timer (WDF_TIMER_CONFIG_INIT_PERIODIC)
// created with the default execution level, so EvtTimerFunc runs as a DPC;
// it allocates with ExAllocatePool3 and POOL_FLAG_USE_QUOTA.
#include <ntddk.h>
#include <wdf.h>

#define HB_TAG       'tBhK'
#define HB_PERIOD_MS 1000

typedef struct _HB_REPORT {
    ULONG Beat;
    ULONG MissedBeats;
    LARGE_INTEGER Time;
} HB_REPORT, *PHB_REPORT;

typedef struct _DEVICE_CONTEXT {
    WDFTIMER HeartbeatTimer;
    ULONG Beat;
    ULONG LastAck;
    HB_REPORT LastReport;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, HbGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD HbEvtDeviceAdd;
EVT_WDF_TIMER HbEvtHeartbeat;
EVT_WDF_DEVICE_D0_ENTRY HbEvtD0Entry;
EVT_WDF_DEVICE_D0_EXIT HbEvtD0Exit;

_Use_decl_annotations_
VOID
HbEvtHeartbeat(
    WDFTIMER Timer
    )
{
    PDEVICE_CONTEXT devCtx = HbGetContext((WDFDEVICE)WdfTimerGetParentObject(Timer));
    PHB_REPORT report;

    report = (PHB_REPORT)ExAllocatePool3(POOL_FLAG_NON_PAGED | POOL_FLAG_USE_QUOTA, // expect: PT003
                                         sizeof(HB_REPORT), HB_TAG, NULL, 0);
    if (report == NULL) {
        return;
    }
    report->Beat = ++devCtx->Beat;
    report->MissedBeats = devCtx->Beat - devCtx->LastAck - 1;
    KeQuerySystemTime(&report->Time);
    devCtx->LastReport = *report;
    ExFreePoolWithTag(report, HB_TAG);
}

_Use_decl_annotations_
NTSTATUS
HbEvtD0Entry(
    WDFDEVICE Device,
    WDF_POWER_DEVICE_STATE PreviousState
    )
{
    UNREFERENCED_PARAMETER(PreviousState);
    WdfTimerStart(HbGetContext(Device)->HeartbeatTimer, WDF_REL_TIMEOUT_IN_MS(HB_PERIOD_MS));
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
HbEvtD0Exit(
    WDFDEVICE Device,
    WDF_POWER_DEVICE_STATE TargetState
    )
{
    UNREFERENCED_PARAMETER(TargetState);
    WdfTimerStop(HbGetContext(Device)->HeartbeatTimer, TRUE);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
HbEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDF_PNPPOWER_EVENT_CALLBACKS pnpPower;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_TIMER_CONFIG timerConfig;
    WDFDEVICE device;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnpPower);
    pnpPower.EvtDeviceD0Entry = HbEvtD0Entry;
    pnpPower.EvtDeviceD0Exit = HbEvtD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnpPower);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, HbEvtHeartbeat, HB_PERIOD_MS);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    return WdfTimerCreate(&timerConfig, &attributes, &HbGetContext(device)->HeartbeatTimer);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, HbEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
