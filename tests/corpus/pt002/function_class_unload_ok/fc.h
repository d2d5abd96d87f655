// fc.h - a driver built on a small in-house framework library (fwlib.c)
// that installs the driver's callbacks for it.
#pragma once
#include <ntddk.h>

#define FC_CACHE_TAG 'hCcF'
#define FC_CACHE_ENTRIES 64

typedef struct _FC_CACHE_ENTRY {
    ULONG Key;
    ULONG Hits;
    PVOID Data;
} FC_CACHE_ENTRY, *PFC_CACHE_ENTRY;

extern PFC_CACHE_ENTRY g_FcCache;

DRIVER_INITIALIZE DriverEntry;

VOID
FwInstallCallbacks(
    _Inout_ PDRIVER_OBJECT DriverObject,
    _In_ PDRIVER_UNLOAD Unload
    );

VOID
FcUnload(
    _In_ PDRIVER_OBJECT DriverObject
    );
