// isr.c - interrupt service routine and its DpcForIsr.
#include "uart.h"

#define UART_REG_LSR   5
#define UART_REG_RBR   0
#define UART_LSR_DR    0x01

typedef struct _UART_DRAIN {
    PUART_EXTENSION Ext;
    PUCHAR Destination;
    ULONG Count;
} UART_DRAIN, *PUART_DRAIN;

KSYNCHRONIZE_ROUTINE UartDrainFifo;

_Use_decl_annotations_
BOOLEAN
UartDrainFifo(
    PVOID SynchronizeContext
    )
{
    PUART_DRAIN drain = (PUART_DRAIN)SynchronizeContext;

    drain->Count = drain->Ext->RxCount;
    RtlCopyMemory(drain->Destination, drain->Ext->RxFifo, drain->Count);
    drain->Ext->RxCount = 0;
    return TRUE;
}

_Use_decl_annotations_
BOOLEAN
UartIsr(
    PKINTERRUPT Interrupt,
    PVOID ServiceContext
    )
{
    PUART_EXTENSION ext = (PUART_EXTENSION)ServiceContext;
    BOOLEAN claimed = FALSE;

    UNREFERENCED_PARAMETER(Interrupt);

    while ((READ_REGISTER_UCHAR(ext->Registers + UART_REG_LSR) & UART_LSR_DR) != 0) {
        claimed = TRUE;
        if (ext->RxCount < UART_RX_CHUNK) {
            ext->RxFifo[ext->RxCount++] = READ_REGISTER_UCHAR(ext->Registers + UART_REG_RBR);
        } else {
            (VOID)READ_REGISTER_UCHAR(ext->Registers + UART_REG_RBR);
        }
    }
    if (claimed) {
        IoRequestDpc(ext->Self, NULL, ext);
    }
    return claimed;
}

_Use_decl_annotations_
VOID
UartDpcForIsr(
    PKDPC Dpc,
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PUART_EXTENSION ext = (PUART_EXTENSION)Context;
    UART_DRAIN drain;
    PUCHAR chunk;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);

    chunk = (PUCHAR)ExAllocatePool2(UART_RX_POOL_FLAGS, UART_RX_CHUNK, UART_TAG); // expect: PT003
    if (chunk == NULL) {
        return;
    }
    drain.Ext = ext;
    drain.Destination = chunk;
    drain.Count = 0;
    KeSynchronizeExecution(ext->Interrupt, UartDrainFifo, &drain);
    ext->RxDelivered += drain.Count;
    ExFreePoolWithTag(chunk, UART_TAG);
}
