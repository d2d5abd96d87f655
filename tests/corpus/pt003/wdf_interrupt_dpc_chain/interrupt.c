// interrupt.c - ISR reads the FIFO count, the DPC processes the samples.
#include "accel.h"

_Use_decl_annotations_
BOOLEAN
AccEvtIsr(
    WDFINTERRUPT Interrupt,
    ULONG MessageID
    )
{
    PDEVICE_CONTEXT devCtx = AccGetContext(WdfInterruptGetDevice(Interrupt));

    UNREFERENCED_PARAMETER(MessageID);

    if (devCtx->FifoCount == 0) {
        return FALSE;
    }
    WdfInterruptQueueDpcForIsr(Interrupt);
    return TRUE;
}

_Use_decl_annotations_
VOID
AccEvtInterruptDpc(
    WDFINTERRUPT Interrupt,
    WDFOBJECT AssociatedObject
    )
{
    PDEVICE_CONTEXT devCtx = AccGetContext(WdfInterruptGetDevice(Interrupt));
    ULONG count;

    UNREFERENCED_PARAMETER(AssociatedObject);

    WdfInterruptAcquireLock(Interrupt);
    count = devCtx->FifoCount;
    devCtx->FifoCount = 0;
    WdfInterruptReleaseLock(Interrupt);

    AccProcessSamples(devCtx, count);
}
