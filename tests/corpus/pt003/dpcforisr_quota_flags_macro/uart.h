// uart.h - WDM driver for a memory-mapped UART.
#pragma once
#include <wdm.h>

#define UART_TAG        'trAU'
#define UART_RX_CHUNK   64

// Receive chunks are charged to the process that opened the port.  (They are
// not: the DPC that allocates them runs in an arbitrary process.)
#define UART_RX_POOL_FLAGS (POOL_FLAG_NON_PAGED | POOL_FLAG_USE_QUOTA)

typedef struct _UART_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT Lower;
    PKINTERRUPT Interrupt;
    volatile PUCHAR Registers;
    UCHAR RxFifo[UART_RX_CHUNK];
    ULONG RxCount;
    ULONG RxDelivered;
} UART_EXTENSION, *PUART_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE UartAddDevice;
DRIVER_UNLOAD UartUnload;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH UartDispatchPnp;
KSERVICE_ROUTINE UartIsr;
IO_DPC_ROUTINE UartDpcForIsr;
