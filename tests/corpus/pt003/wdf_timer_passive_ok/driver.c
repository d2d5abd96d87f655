// PT003 negative: a KMDF timer created with attributes.ExecutionLevel =
// WdfExecutionLevelPassive runs EvtTimerFunc in a system work item, not a
// DPC.  The routine is still declared EVT_WDF_TIMER; the passive execution
// level of the timer it is registered with takes precedence.  (The quota goes
// to the System process, which Driver Verifier accepts.)
#include <ntddk.h>
#include <wdf.h>

#define CF_TAG 'gfCK'
#define CF_RELOAD_MS 30000

typedef struct _CF_SETTINGS {
    ULONG SampleRate;
    ULONG Flags;
} CF_SETTINGS, *PCF_SETTINGS;

typedef struct _DEVICE_CONTEXT {
    WDFTIMER ReloadTimer;
    CF_SETTINGS Settings;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, CfGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD CfEvtDeviceAdd;
EVT_WDF_TIMER CfEvtReloadTimer;

_Use_decl_annotations_
VOID
CfEvtReloadTimer(
    WDFTIMER Timer
    )
{
    WDFDEVICE device = (WDFDEVICE)WdfTimerGetParentObject(Timer);
    PDEVICE_CONTEXT devCtx = CfGetContext(device);
    PCF_SETTINGS fresh;
    WDFKEY key;
    NTSTATUS status;
    DECLARE_CONST_UNICODE_STRING(rateName, L"SampleRate");

    PAGED_CODE();

    fresh = (PCF_SETTINGS)ExAllocatePool2(POOL_FLAG_PAGED | POOL_FLAG_USE_QUOTA, sizeof(CF_SETTINGS), CF_TAG);
    if (fresh == NULL) {
        goto Rearm;
    }
    *fresh = devCtx->Settings;
    status = WdfDeviceOpenRegistryKey(device, PLUGPLAY_REGKEY_DEVICE, KEY_READ,
                                      WDF_NO_OBJECT_ATTRIBUTES, &key);
    if (NT_SUCCESS(status)) {
        (VOID)WdfRegistryQueryULong(key, &rateName, &fresh->SampleRate);
        WdfRegistryClose(key);
        devCtx->Settings = *fresh;
    }
    ExFreePoolWithTag(fresh, CF_TAG);

Rearm:
    WdfTimerStart(Timer, WDF_REL_TIMEOUT_IN_MS(CF_RELOAD_MS));
}

_Use_decl_annotations_
NTSTATUS
CfEvtDeviceAdd(
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    NTSTATUS status;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_TIMER_CONFIG timerConfig;
    WDFDEVICE device;
    PDEVICE_CONTEXT devCtx;

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    devCtx = CfGetContext(device);
    devCtx->Settings.SampleRate = 100;

    WDF_TIMER_CONFIG_INIT(&timerConfig, CfEvtReloadTimer);
    timerConfig.AutomaticSerialization = FALSE;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    attributes.ExecutionLevel = WdfExecutionLevelPassive;
    status = WdfTimerCreate(&timerConfig, &attributes, &devCtx->ReloadTimer);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WdfTimerStart(devCtx->ReloadTimer, WDF_REL_TIMEOUT_IN_MS(CF_RELOAD_MS));
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, CfEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
