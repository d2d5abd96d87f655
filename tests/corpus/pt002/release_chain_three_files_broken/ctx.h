#pragma once

#define CTX_TAG 'xtCD'

typedef struct _DRV_CONTEXT {
    LIST_ENTRY Pending;
    ULONG Count;
} DRV_CONTEXT, *PDRV_CONTEXT;

VOID TeardownContext(_In_ PDRV_CONTEXT Context);
VOID FreeContext(_In_opt_ PDRV_CONTEXT Context);
VOID PoolFree(_In_ PVOID Block);
