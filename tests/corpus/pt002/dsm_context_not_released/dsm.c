// PT002 positive (near-miss of dsm_context_handed_back): the unload callback
// MPIO calls with the stored context only logs it, so the context allocated
// in DriverEntry is still allocated when the DSM unloads.
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
    DbgPrint("DSM unloading %p\n", DsmContext);
    return STATUS_SUCCESS;
}

NTSTATUS
DriverEntry(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    PDSM_CONTEXT dsmContext;

    dsmContext = ExAllocatePoolZero(NonPagedPoolNx, sizeof(DSM_CONTEXT), DSM_TAG); // expect: PT002
    if (dsmContext == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    InitializeListHead(&dsmContext->GroupList);
    KeInitializeSpinLock(&dsmContext->Lock);

    gDsmInitData.DsmContext = (PVOID) dsmContext;
    gDsmInitData.DsmUnload = DsmUnload;
    return DsmRegister(DriverObject, RegistryPath, &gDsmInitData);
}
