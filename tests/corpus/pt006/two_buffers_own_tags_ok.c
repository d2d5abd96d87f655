// PT006 negative (near miss of swapped_tags_two_buffers.c): key and value
// buffers, each freed with its own tag, including on the error path and
// through ExFreePool2.
#include <ntddk.h>

#define KS_KEY_TAG   'yeKS'
#define KS_VALUE_TAG 'laVS'

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
KsRoundTrip(
    _In_ ULONG KeyBytes,
    _In_ ULONG ValueBytes
    )
{
    PUCHAR key;
    PUCHAR value;

    key = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, KeyBytes, KS_KEY_TAG);
    if (key == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    value = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, ValueBytes, KS_VALUE_TAG);
    if (value == NULL) {
        ExFreePoolWithTag(key, KS_KEY_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlFillMemory(key, KeyBytes, 0x4B);
    RtlFillMemory(value, ValueBytes, 0x56);

    ExFreePool2(value, KS_VALUE_TAG, NULL, 0);
    ExFreePoolWithTag(key, KS_KEY_TAG);
    return STATUS_SUCCESS;
}
