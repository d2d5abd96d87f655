// PT002 positive: DriverEntry frees the parameter block on each of its own
// failure paths, which looks tidy, but on success the block stays in the
// global and the unload routine never frees it.
#include <ntddk.h>

#define PARAM_TAG 'mPeE'

typedef struct _EE_PARAMETERS {
    ULONG PollIntervalMs;
    ULONG MaxOutstanding;
    ULONG Flags;
    WCHAR FriendlyName[64];
} EE_PARAMETERS, *PEE_PARAMETERS;

typedef struct _EE_GLOBALS {
    PDEVICE_OBJECT ControlDevice;
    PEE_PARAMETERS Parameters;
    FAST_MUTEX Lock;
} EE_GLOBALS;

EE_GLOBALS g_Globals;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD EeUnload;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
EeReadParameters(
    _In_ PUNICODE_STRING RegistryPath,
    _Out_ PEE_PARAMETERS Parameters
    );

_Use_decl_annotations_
VOID
EeUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    UNICODE_STRING link;

    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    RtlInitUnicodeString(&link, L"\\DosDevices\\EeSample");
    IoDeleteSymbolicLink(&link);
    if (g_Globals.ControlDevice != NULL) {
        IoDeleteDevice(g_Globals.ControlDevice);
        g_Globals.ControlDevice = NULL;
    }
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    UNICODE_STRING name, link;

    ExInitializeFastMutex(&g_Globals.Lock);

    g_Globals.Parameters = (PEE_PARAMETERS)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(EE_PARAMETERS), PARAM_TAG); // expect: PT002
    if (g_Globals.Parameters == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    status = EeReadParameters(RegistryPath, g_Globals.Parameters);
    if (!NT_SUCCESS(status)) {
        goto Fail;
    }

    RtlInitUnicodeString(&name, L"\\Device\\EeSample");
    status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &g_Globals.ControlDevice);
    if (!NT_SUCCESS(status)) {
        goto Fail;
    }

    RtlInitUnicodeString(&link, L"\\DosDevices\\EeSample");
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(g_Globals.ControlDevice);
        g_Globals.ControlDevice = NULL;
        goto Fail;
    }

    DriverObject->DriverUnload = EeUnload;
    g_Globals.ControlDevice->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;

Fail:
    ExFreePoolWithTag(g_Globals.Parameters, PARAM_TAG);
    g_Globals.Parameters = NULL;
    return status;
}
