// PT002 positive: the minifilter's unload callback (FilterUnloadCallback, the
// sixth member of FLT_REGISTRATION, initialised positionally as the samples
// do) frees the UNICODE_STRING array but not the text buffer behind it.
#include "scanflt.h"

SCAN_GLOBALS g_Scan;

CONST FLT_OPERATION_REGISTRATION ScanCallbacks[] = {
    { IRP_MJ_CREATE, 0, ScanPreCreate, NULL },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION ScanRegistration = {
    sizeof(FLT_REGISTRATION),       // Size
    FLT_REGISTRATION_VERSION,       // Version
    0,                              // Flags
    NULL,                           // ContextRegistration
    ScanCallbacks,                  // OperationRegistration
    ScanUnload,                     // FilterUnloadCallback
    NULL,                           // InstanceSetupCallback
    NULL,                           // InstanceQueryTeardownCallback
    NULL,                           // InstanceTeardownStartCallback
    NULL,                           // InstanceTeardownCompleteCallback
    NULL,                           // GenerateFileNameCallback
    NULL,                           // NormalizeNameComponentCallback
    NULL                            // NormalizeContextCleanupCallback
};

_Use_decl_annotations_
FLT_PREOP_CALLBACK_STATUS
ScanPreCreate(
    PFLT_CALLBACK_DATA Data,
    PCFLT_RELATED_OBJECTS FltObjects,
    PVOID *CompletionContext
    )
{
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(FltObjects);
    *CompletionContext = NULL;
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

_Use_decl_annotations_
NTSTATUS
ScanUnload(
    FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER(Flags);
    PAGED_CODE();

    FltUnregisterFilter(g_Scan.Filter);
    if (g_Scan.Extensions != NULL) {
        ExFreePoolWithTag(g_Scan.Extensions, SCAN_EXT_TAG);
        g_Scan.Extensions = NULL;
    }
    g_Scan.ExtensionCount = 0;
    return STATUS_SUCCESS;
}

static
NTSTATUS
ScanLoadExtensions(
    VOID
    )
{
    static const WCHAR defaults[] = L"exe\0dll\0sys\0";
    PWCHAR cursor;
    ULONG i;

    g_Scan.ExtensionText = (PWCHAR)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(defaults), SCAN_NAME_TAG); // expect: PT002
    if (g_Scan.ExtensionText == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(g_Scan.ExtensionText, defaults, sizeof(defaults));

    g_Scan.Extensions = (PUNICODE_STRING)ExAllocatePool2(POOL_FLAG_PAGED,
                                                         SCAN_MAX_EXTENSIONS * sizeof(UNICODE_STRING),
                                                         SCAN_EXT_TAG);
    if (g_Scan.Extensions == NULL) {
        ExFreePoolWithTag(g_Scan.ExtensionText, SCAN_NAME_TAG);
        g_Scan.ExtensionText = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    cursor = g_Scan.ExtensionText;
    for (i = 0; i < 3; i++) {
        RtlInitUnicodeString(&g_Scan.Extensions[i], cursor);
        cursor += (g_Scan.Extensions[i].Length / sizeof(WCHAR)) + 1;
    }
    g_Scan.ExtensionCount = 3;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = ScanLoadExtensions();
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = FltRegisterFilter(DriverObject, &ScanRegistration, &g_Scan.Filter);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(g_Scan.Extensions, SCAN_EXT_TAG);
        ExFreePoolWithTag(g_Scan.ExtensionText, SCAN_NAME_TAG);
        return status;
    }

    status = FltStartFiltering(g_Scan.Filter);
    if (!NT_SUCCESS(status)) {
        FltUnregisterFilter(g_Scan.Filter);
        ExFreePoolWithTag(g_Scan.Extensions, SCAN_EXT_TAG);
        ExFreePoolWithTag(g_Scan.ExtensionText, SCAN_NAME_TAG);
    }
    return status;
}
