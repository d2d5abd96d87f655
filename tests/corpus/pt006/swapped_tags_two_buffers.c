// PT006 positive (two findings): key and value buffers freed with each
// other's tags.
#include <ntddk.h>

#define KV_KEY_TAG   'yeKV'
#define KV_VALUE_TAG 'laVV'

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
KvRoundTrip(
    _In_ ULONG KeyBytes,
    _In_ ULONG ValueBytes
    )
{
    PUCHAR key;
    PUCHAR value;

    key = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, KeyBytes, KV_KEY_TAG);
    if (key == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    value = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, ValueBytes, KV_VALUE_TAG);
    if (value == NULL) {
        ExFreePoolWithTag(key, KV_KEY_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlFillMemory(key, KeyBytes, 0x4B);
    RtlFillMemory(value, ValueBytes, 0x56);

    ExFreePoolWithTag(value, KV_KEY_TAG); // expect: PT006
    ExFreePoolWithTag(key, KV_VALUE_TAG); // expect: PT006
    return STATUS_SUCCESS;
}
