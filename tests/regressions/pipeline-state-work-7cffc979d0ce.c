// PT001 positive: __leave exits the __try body early and the __finally block
// only releases the lock, so the name buffer leaks on that path.
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

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;
    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;


    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
    if (copy == NULL)py;

    copy = (PWCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, NewName->Length, NAME_TAG); // expect: PT001
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
        ExFreePoolWithTag(copy, NAME_TAG);
    } __finally {
        ExReleaseFastMutex(&DevExt->NameLock);
    }

    return status;
}
