// hb.h - link monitor that pokes a watchdog register from a DPC.
#pragma once
#include <ntddk.h>

#define LM_TAG 'nKmL'

typedef struct _LM_EXTENSION {
    KTIMER Timer;
    KDPC Dpc;
    volatile PUCHAR PhyRegisters;
    ULONG LinkDownCount;
    UCHAR LastStatus[16];
} LM_EXTENSION, *PLM_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD LmUnload;
KDEFERRED_ROUTINE LmLinkCheck;

// timer.c: a generic "periodic DPC" helper shared with other drivers.
VOID
TmStartPeriodic(
    _Out_ PKTIMER Timer,
    _Out_ PKDPC Dpc,
    _In_ PKDEFERRED_ROUTINE Routine,
    _In_opt_ PVOID Context,
    _In_ LONG PeriodMs
    );
