// timer.c - periodic DPC helper.
#include "hb.h"

_Use_decl_annotations_
VOID
TmStartPeriodic(
    PKTIMER Timer,
    PKDPC Dpc,
    PKDEFERRED_ROUTINE Routine,
    PVOID Context,
    LONG PeriodMs
    )
{
    LARGE_INTEGER due;

    KeInitializeTimerEx(Timer, NotificationTimer);
    KeInitializeDpc(Dpc, Routine, Context);
    due.QuadPart = -10000LL * PeriodMs;
    KeSetTimerEx(Timer, due, PeriodMs, Dpc);
}
