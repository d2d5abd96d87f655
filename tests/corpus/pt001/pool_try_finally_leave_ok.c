// PT001 negative (near-miss of pool_try_finally_leave_leak.c): the __finally
// block frees the buffer, so the __leave path is covered.
#include <ntddk.h>

#define NAME_TAG 'emaN'

typedef struct _DEVICE_EXTENSION {
    FAST_MUTEX NameLock;
    WCHAR FriendlyName[64];
    USHORT FriendlyNameLength;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
SetFriendlyName(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ PCUNICODE_STRING NewName
    )
{
    NTSTATUS status = STATUS_SUCCESS;
    PWCHAR copy;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG);
    if (copy == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(copy, NewName->Buffer, NewName->Length);

    ExAcquireFastMutex(&DevExt->NameLock);
    __try {
        if (NewName->Length > sizeof(DevExt->FriendlyName)) {
            status = STATUS_NAME_TOO_LONG;
            __leave;
        }
        RtlCopyMemory(DevExt->FriendlyName, copy, NewName->Length);
        DevExt->FriendlyNameLength = NewName->Length;
    } __finally {
        ExReleaseFastMutex(&DevExt->NameLock);
        ExFreePoolWithTag(copy, NAME_TAG);
    }

    return status;
}
