// PT001 negative (near-miss of lookaside_paged_switch_leak.c): the default case
// sets a status and breaks, so every path returns the entry to the list.
#include <ntddk.h>

typedef enum _EVENT_CLASS {
    EventClassInfo = 0,
    EventClassWarning,
    EventClassError
} EVENT_CLASS;

typedef struct _EVENT_RECORD {
    EVENT_CLASS Class;
    ULONG Code;
    WCHAR Text[48];
} EVENT_RECORD, *PEVENT_RECORD;

typedef struct _DEVICE_EXTENSION {
    PAGED_LOOKASIDE_LIST EventLookaside;
    ULONG Infos;
    ULONG Warnings;
    ULONG Errors;
    ULONG LastErrorCode;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
RecordDeviceEvent(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_ EVENT_CLASS Class,
    _In_ ULONG Code
    )
{
    PEVENT_RECORD rec;
    NTSTATUS status = STATUS_SUCCESS;

    PAGED_CODE();

    rec = (PEVENT_RECORD)ExAllocateFromPagedLookasideList(&DevExt->EventLookaside);
    if (rec == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlZeroMemory(rec, sizeof(EVENT_RECORD));
    rec->Class = Class;
    rec->Code = Code;

    switch (rec->Class) {
    case EventClassInfo:
        DevExt->Infos++;
        break;
    case EventClassWarning:
        DevExt->Warnings++;
        break;
    case EventClassError:
        DevExt->Errors++;
        DevExt->LastErrorCode = rec->Code;
        break;
    default:
        status = STATUS_INVALID_PARAMETER;
        break;
    }

    ExFreeToPagedLookasideList(&DevExt->EventLookaside, rec);
    return status;
}
