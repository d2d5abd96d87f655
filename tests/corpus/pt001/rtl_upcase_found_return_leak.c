// PT001 positive: RtlUpcaseUnicodeString(..., TRUE) allocates; the lookup
// loop returns the match index from inside the loop without freeing.
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

    PAGED_CODE();

    if (!NT_SUCCESS(RtlUpcaseUnicodeString(&upper, Model, TRUE))) { // expect: PT001
        return NO_MATCH;
    }

    for (i = 0; i < DevExt->KnownModelCount; i++) {
        if (RtlEqualUnicodeString(&upper, &DevExt->KnownModels[i], FALSE)) {
            return i;
        }
    }

    RtlFreeUnicodeString(&upper);
    return NO_MATCH;
}
