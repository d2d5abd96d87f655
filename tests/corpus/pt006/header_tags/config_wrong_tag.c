// PT006 positive: both tags come from tags.h; the configuration block is
// allocated with HX_TAG_CONFIG and freed with HX_TAG_NAME.
#include <ntddk.h>
#include "tags.h"

typedef struct _HX_CONFIG {
    ULONG Version;
    ULONG Flags;
    WCHAR Label[32];
} HX_CONFIG, *PHX_CONFIG;

_IRQL_requires_(PASSIVE_LEVEL)
ULONG
HxDefaultFlags(
    VOID
    )
{
    PHX_CONFIG config;
    ULONG flags;

    PAGED_CODE();

    config = (PHX_CONFIG)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(HX_CONFIG), HX_TAG_CONFIG);
    if (config == NULL) {
        return 0;
    }
    RtlZeroMemory(config, sizeof(HX_CONFIG));
    config->Version = 2;
    config->Flags = 0x11;
    flags = config->Flags;
    ExFreePoolWithTag(config, HX_TAG_NAME); // expect: PT006
    return flags;
}
