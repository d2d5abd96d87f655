// PT006 positive: the allocation spells the tag so that it reads "Tmr1" in
// the debugger ('1rmT'); the free spells it the way it reads ('Tmr1').  Those
// are different ULONGs.
#include <ntddk.h>

typedef struct _TM_DEADLINE {
    LARGE_INTEGER Due;
    ULONG Id;
} TM_DEADLINE, *PTM_DEADLINE;

_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN
TmIsExpired(
    _In_ ULONG Id,
    _In_ LONGLONG DueTime
    )
{
    PTM_DEADLINE deadline;
    LARGE_INTEGER now;
    BOOLEAN expired;

    deadline = (PTM_DEADLINE)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(TM_DEADLINE), '1rmT');
    if (deadline == NULL) {
        return FALSE;
    }
    deadline->Id = Id;
    deadline->Due.QuadPart = DueTime;
    KeQuerySystemTimePrecise(&now);
    expired = (now.QuadPart >= deadline->Due.QuadPart);
    ExFreePoolWithTag(deadline, 'Tmr1'); // expect: PT006
    return expired;
}
