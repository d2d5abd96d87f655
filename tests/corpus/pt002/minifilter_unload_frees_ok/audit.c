// PT002 negative: a minifilter records the names of created files on a
// global list and keeps a rules buffer in a global; FilterUnloadCallback
// (positional member 6 of FLT_REGISTRATION) drains the list and frees both.
#include <fltKernel.h>

#define AU_RULE_TAG  'lRuA'
#define AU_NAME_TAG  'mNuA'
#define AU_RULE_SIZE 4096
#define AU_MAX_NAME  260

typedef struct _AU_NAME_RECORD {
    LIST_ENTRY Link;
    USHORT Length;
    WCHAR Name[AU_MAX_NAME];
} AU_NAME_RECORD, *PAU_NAME_RECORD;

typedef struct _AU_GLOBALS {
    PFLT_FILTER Filter;
    PVOID Rules;
    FAST_MUTEX NamesLock;
    LIST_ENTRY Names;
} AU_GLOBALS;

AU_GLOBALS g_Au;

DRIVER_INITIALIZE DriverEntry;
NTSTATUS AuUnload(_In_ FLT_FILTER_UNLOAD_FLAGS Flags);
FLT_POSTOP_CALLBACK_STATUS AuPostCreate(_Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects, _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags);

CONST FLT_OPERATION_REGISTRATION AuCallbacks[] = {
    { IRP_MJ_CREATE, 0, NULL, AuPostCreate },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION AuRegistration = {
    sizeof(FLT_REGISTRATION),
    FLT_REGISTRATION_VERSION,
    0,
    NULL,
    AuCallbacks,
    AuUnload,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL
};

_Use_decl_annotations_
FLT_POSTOP_CALLBACK_STATUS
AuPostCreate(
    PFLT_CALLBACK_DATA Data,
    PCFLT_RELATED_OBJECTS FltObjects,
    PVOID CompletionContext,
    FLT_POST_OPERATION_FLAGS Flags
    )
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    PAU_NAME_RECORD record;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(CompletionContext);

    if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING) || !NT_SUCCESS(Data->IoStatus.Status)) {
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    status = FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                       &nameInfo);
    if (!NT_SUCCESS(status)) {
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    record = (PAU_NAME_RECORD)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(AU_NAME_RECORD), AU_NAME_TAG);
    if (record != NULL) {
        record->Length = min(nameInfo->Name.Length, (USHORT)sizeof(record->Name));
        RtlCopyMemory(record->Name, nameInfo->Name.Buffer, record->Length);
        ExAcquireFastMutex(&g_Au.NamesLock);
        InsertTailList(&g_Au.Names, &record->Link);
        ExReleaseFastMutex(&g_Au.NamesLock);
    }
    FltReleaseFileNameInformation(nameInfo);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

_Use_decl_annotations_
NTSTATUS
AuUnload(
    FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    PLIST_ENTRY link;

    UNREFERENCED_PARAMETER(Flags);
    PAGED_CODE();

    FltUnregisterFilter(g_Au.Filter);

    ExAcquireFastMutex(&g_Au.NamesLock);
    while (!IsListEmpty(&g_Au.Names)) {
        link = RemoveHeadList(&g_Au.Names);
        ExFreePoolWithTag(CONTAINING_RECORD(link, AU_NAME_RECORD, Link), AU_NAME_TAG);
    }
    ExReleaseFastMutex(&g_Au.NamesLock);

    if (g_Au.Rules != NULL) {
        ExFreePoolWithTag(g_Au.Rules, AU_RULE_TAG);
        g_Au.Rules = NULL;
    }
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

    ExInitializeFastMutex(&g_Au.NamesLock);
    InitializeListHead(&g_Au.Names);

    g_Au.Rules = ExAllocatePool2(POOL_FLAG_PAGED, AU_RULE_SIZE, AU_RULE_TAG);
    if (g_Au.Rules == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    status = FltRegisterFilter(DriverObject, &AuRegistration, &g_Au.Filter);
    if (!NT_SUCCESS(status)) {
        goto Cleanup;
    }
    status = FltStartFiltering(g_Au.Filter);
    if (!NT_SUCCESS(status)) {
        FltUnregisterFilter(g_Au.Filter);
        goto Cleanup;
    }
    return STATUS_SUCCESS;

Cleanup:
    ExFreePoolWithTag(g_Au.Rules, AU_RULE_TAG);
    g_Au.Rules = NULL;
    return status;
}
