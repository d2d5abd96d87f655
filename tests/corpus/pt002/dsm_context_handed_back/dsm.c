// PT002 negative: an MPIO device-specific module stores its context beside
// its unload callback in DSM_INIT_DATA; MPIO calls DsmUnload(DsmContext) and
// the callback frees what it is handed, so the global's context is released.
#include <ntddk.h>

#define DSM_TAG 'msdD'

typedef struct _DSM_CONTEXT {
    LIST_ENTRY GroupList;
    KSPIN_LOCK Lock;
} DSM_CONTEXT, *PDSM_CONTEXT;

DSM_INIT_DATA gDsmInitData;

NTSTATUS
DsmUnload(
    _In_ PVOID DsmContext
    )
{
    ExFreePoolWithTag(DsmContext, DSM_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS
DriverEntry(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    PDSM_CONTEXT dsmContext;

    dsmContext = ExAllocatePoolZero(NonPagedPoolNx, sizeof(DSM_CONTEXT), DSM_TAG);
    if (dsmContext == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    InitializeListHead(&dsmContext->GroupList);
    KeInitializeSpinLock(&dsmContext->Lock);

    gDsmInitData.DsmContext = (PVOID) dsmContext;
    gDsmInitData.DsmUnload = DsmUnload;
    return DsmRegister(DriverObject, RegistryPath, &gDsmInitData);
}
