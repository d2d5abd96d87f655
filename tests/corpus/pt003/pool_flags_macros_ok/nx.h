// nx.h - pool flag policy of the "nx" capture driver.
#pragma once
#include <ntddk.h>

#define NX_TAG 'pCxN'

// Allocations on behalf of a requesting process are charged to it.
#define NX_REQUEST_POOL_FLAGS (POOL_FLAG_PAGED | POOL_FLAG_USE_QUOTA)
// Allocations made at DISPATCH_LEVEL never charge quota.
#define NX_DPC_POOL_FLAGS     (POOL_FLAG_NON_PAGED)
#define NX_FRAME_BYTES        1514

typedef struct _NX_EXTENSION {
    KDPC FrameDpc;
    BOOLEAN CacheAligned;
    ULONG Frames;
    ULONG64 Bytes;
    UCHAR LastFrame[NX_FRAME_BYTES];
} NX_EXTENSION, *PNX_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD NxUnload;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH NxDeviceControl;
KDEFERRED_ROUTINE NxFrameDpc;
