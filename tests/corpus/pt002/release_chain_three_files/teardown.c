#include <ntddk.h>
#include "ctx.h"

VOID
TeardownContext(
    _In_ PDRV_CONTEXT Context
    )
{
    KdPrint(("teardown %p, %lu pending\n", Context, Context->Count));
    FreeContext(Context);
}
