// PT001 negative (near-miss of rtl_upcase_found_return_leak.c): the loop
// breaks and the upcased copy is freed once; a second variant upcases into a
// stack buffer (FALSE) and allocates nothing.
#include <ntddk.h>

#define NO_MATCH ((ULONG)-1)

typedef struct _DEVICE_EXTENSION {
    UNICODE_STRING KnownModels[8];
    ULONG KnownModelCount;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(PASSIVE_LEVEL)
ULONG
FindKnownModel(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ PCUNICODE_STRING Model
    )
{
    UNICODE_STRING upper;
    ULONG i;
    ULONG found = NO_MATCH;

    PAGED_CODE();

    if (!NT_SUCCESS(RtlUpcaseUnicodeString(&upper, Model, TRUE))) {
        return NO_MATCH;
    }

    for (i = 0; i < DevExt->KnownModelCount; i++) {
        if (RtlEqualUnicodeString(&upper, &DevExt->KnownModels[i], FALSE)) {
            found = i;
            break;
        }
    }

    RtlFreeUnicodeString(&upper);
    return found;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
ULONG
FindKnownModelNoAlloc(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_ PCUNICODE_STRING Model
    )
{
    UNICODE_STRING upper;
    WCHAR upperBuffer[64];
    ULONG i;

    PAGED_CODE();

    RtlInitEmptyUnicodeString(&upper, upperBuffer, sizeof(upperBuffer));
    if (!NT_SUCCESS(RtlUpcaseUnicodeString(&upper, Model, FALSE))) {
        return NO_MATCH;
    }

    for (i = 0; i < DevExt->KnownModelCount; i++) {
        if (RtlEqualUnicodeString(&upper, &DevExt->KnownModels[i], FALSE)) {
            return i;
        }
    }
    return NO_MATCH;
}
