// interrupt.c - the ISR latches the raw value, the DPC queues it.
#include "telemetry.h"

_Use_decl_annotations_
BOOLEAN
TelEvtIsr(
    WDFINTERRUPT Interrupt,
    ULONG MessageID
    )
{
    PDEVICE_CONTEXT devCtx = TelGetContext(WdfInterruptGetDevice(Interrupt));

    UNREFERENCED_PARAMETER(MessageID);
    InterlockedExchange(&devCtx->LatestRaw, (LONG)(KeQueryInterruptTime() & 0xFFFF));
    WdfInterruptQueueDpcForIsr(Interrupt);
    return TRUE;
}

_Use_decl_annotations_
VOID
TelEvtDpc(
    WDFINTERRUPT Interrupt,
    WDFOBJECT AssociatedObject
    )
{
    PDEVICE_CONTEXT devCtx = TelGetContext(WdfInterruptGetDevice(Interrupt));
    LONG raw = devCtx->LatestRaw;

    UNREFERENCED_PARAMETER(AssociatedObject);

    if (raw >= 0 && raw < TEL_CAL_POINTS) {
        raw = devCtx->Calibration[raw];
    }
    (VOID)TelQueueSample(devCtx, raw);
}
