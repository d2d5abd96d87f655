// nic.h - a WDM driver for a simple packet device with receive/transmit
// rings, spread over four files the way larger drivers are:
//
//   driver.c    DriverEntry and the unload routine
//   init.c      device creation, ring allocation, DPC registration
//   ring.c      ring helpers: allocation stores into the RING passed in
//   rx.c        the receive DPC, which queues indications for readers
//   (teardown lives in driver.c: NicTeardown)
#pragma once
#include <ntddk.h>

#define NIC_TAG_RING 'gRcN'
#define NIC_TAG_IND  'dIcN'
#define NIC_RX_BYTES (64 * 1024)
#define NIC_TX_BYTES (16 * 1024)
#define NIC_MAX_FRAME 1514

typedef struct _RING {
    PUCHAR Buffer;
    ULONG Size;
    ULONG Head;
    ULONG Tail;
} RING, *PRING;

typedef struct _NIC_INDICATION {
    LIST_ENTRY Link;
    ULONG Length;
    UCHAR Frame[NIC_MAX_FRAME];
} NIC_INDICATION, *PNIC_INDICATION;

typedef struct _NIC_EXTENSION {
    PDEVICE_OBJECT Self;
    KSPIN_LOCK Lock;
    RING RxRing;
    RING TxRing;
    KDPC RxDpc;
    LIST_ENTRY Indications;
    ULONG IndicationCount;
} NIC_EXTENSION, *PNIC_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD NicUnload;
KDEFERRED_ROUTINE NicRxDpc;

// init.c
NTSTATUS NicCreateDevice(_In_ PDRIVER_OBJECT DriverObject, _Out_ PDEVICE_OBJECT *DeviceObject);
// ring.c
NTSTATUS RingAllocate(_Out_ PRING Ring, _In_ ULONG Size);
VOID RingFree(_Inout_ PRING Ring);
ULONG RingRead(_Inout_ PRING Ring, _Out_writes_bytes_(Length) PUCHAR Out, _In_ ULONG Length);
