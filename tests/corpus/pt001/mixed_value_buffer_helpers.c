// PT001 mixed: an allocating helper and a releasing helper in the same file.
// ReadPollInterval leaks the helper's buffer on its range-check path (at the
// helper call); ReadQueueDepth and ReadFeatureMask release it on every path.
#include <ntddk.h>

#define VAL_TAG 'laVR'

typedef struct _VALUE_BUFFER {
    ULONG Type;
    ULONG DataLength;
    UCHAR Data[ANYSIZE_ARRAY];
} VALUE_BUFFER, *PVALUE_BUFFER;

typedef struct _DEVICE_EXTENSION {
    UCHAR ParameterImage[512];
    ULONG ParameterImageLength;
    ULONG PollIntervalMs;
    ULONG QueueDepth;
    ULONG FeatureMask;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_Must_inspect_result_
static
PVALUE_BUFFER
AllocateValueBuffer(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ ULONG Offset
    )
{
    PVALUE_BUFFER value;

    if (Offset + sizeof(ULONG) > DevExt->ParameterImageLength) {
        return NULL;
    }
    value = (PVALUE_BUFFER)ExAllocatePoolWithTag(PagedPool, sizeof(VALUE_BUFFER) + sizeof(ULONG), VAL_TAG);
    if (value == NULL) {
        return NULL;
    }
    value->Type = REG_DWORD;
    value->DataLength = sizeof(ULONG);
    RtlCopyMemory(value->Data, &DevExt->ParameterImage[Offset], sizeof(ULONG));
    return value;
}

static
VOID
FreeValueBuffer(
    _In_ __drv_freesMem(Mem) PVALUE_BUFFER Value
    )
{
    ExFreePoolWithTag(Value, VAL_TAG);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
ReadPollInterval(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    PVALUE_BUFFER value;
    ULONG interval;

    PAGED_CODE();

    value = AllocateValueBuffer(DevExt, 0); // expect: PT001
    if (value == NULL) {
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }

    interval = *(PULONG)value->Data;
    if (interval < 10 || interval > 10000) {
        return STATUS_INVALID_PARAMETER;
    }

    DevExt->PollIntervalMs = interval;
    FreeValueBuffer(value);
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
ReadQueueDepth(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    PVALUE_BUFFER value;
    ULONG depth;

    PAGED_CODE();

    value = AllocateValueBuffer(DevExt, 4);
    if (value == NULL) {
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }

    depth = *(PULONG)value->Data;
    FreeValueBuffer(value);

    if (depth == 0 || depth > 256) {
        return STATUS_INVALID_PARAMETER;
    }
    DevExt->QueueDepth = depth;
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
ReadFeatureMask(
    _Inout_ PDEVICE_EXTENSION DevExt
    )
{
    PVALUE_BUFFER value;
    NTSTATUS status = STATUS_SUCCESS;

    PAGED_CODE();

    value = AllocateValueBuffer(DevExt, 8);
    if (!value) {
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }

    if (value->Type != REG_DWORD) {
        status = STATUS_OBJECT_TYPE_MISMATCH;
        goto Cleanup;
    }
    DevExt->FeatureMask = *(PULONG)value->Data;

Cleanup:
    FreeValueBuffer(value);
    return status;
}
