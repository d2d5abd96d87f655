// PT006 positive: allocated with 'qRvD', freed with 'pRvD' - a one-letter
// typo in the literal.  With Driver Verifier the free bug-checks (0xC2
// BAD_POOL_CALLER, parameter 0x0A: free with the wrong tag).
#include <ntddk.h>

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
DvQueryValue(
    _In_ HANDLE Key,
    _In_ PCUNICODE_STRING ValueName,
    _Out_ PULONG Value
    )
{
    PKEY_VALUE_PARTIAL_INFORMATION info;
    ULONG size = FIELD_OFFSET(KEY_VALUE_PARTIAL_INFORMATION, Data) + sizeof(ULONG);
    ULONG resultLength;
    NTSTATUS status;

    info = (PKEY_VALUE_PARTIAL_INFORMATION)ExAllocatePoolWithTag(PagedPool, size, 'qRvD');
    if (info == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = ZwQueryValueKey(Key, (PUNICODE_STRING)ValueName, KeyValuePartialInformation,
                             info, size, &resultLength);
    if (NT_SUCCESS(status) && info->Type == REG_DWORD && info->DataLength == sizeof(ULONG)) {
        *Value = *(PULONG)info->Data;
    } else if (NT_SUCCESS(status)) {
        status = STATUS_OBJECT_TYPE_MISMATCH;
    }
    ExFreePoolWithTag(info, 'pRvD'); // expect: PT006
    return status;
}
