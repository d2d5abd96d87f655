#include <ntddk.h>
#include "ctx.h"

VOID
PoolFree(
    _In_ PVOID Block
    )
{
    ExFreePoolWithTag(Block, CTX_TAG);
}
