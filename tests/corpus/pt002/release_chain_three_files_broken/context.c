#include <ntddk.h>
#include "ctx.h"

VOID
FreeContext(
    _In_opt_ PDRV_CONTEXT Context
    )
{
    DbgPrint("freeing context %p\n", Context);
    if (Context) {
        while (!IsListEmpty(&Context->Pending)) {
            PLIST_ENTRY entry = RemoveHeadList(&Context->Pending);
            PoolFree(entry);
        }
    }
}
