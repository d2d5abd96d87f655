// PT001 negative: the buffer is passed to routines defined in another file of
// the driver; pooltrack treats unknown callees as taking ownership.
#include <ntddk.h>
#include "transport.h"

#define MSG_TAG 'gsMT'

typedef struct _DEVICE_EXTENSION {
    PVOID Transport;
    ULONG Sequence;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef struct _TRANSPORT_MESSAGE {
    ULONG Sequence;
    ULONG Length;
    UCHAR Body[ANYSIZE_ARRAY];
} TRANSPORT_MESSAGE, *PTRANSPORT_MESSAGE;

// Implemented in transport.c; it queues the message and frees it when sent.
NTSTATUS TransportQueueMessage(_In_ PVOID Transport, _In_ __drv_aliasesMem PTRANSPORT_MESSAGE Message);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
SendHello(
    _In_ PDEVICE_EXTENSION DevExt
    )
{
    PTRANSPORT_MESSAGE msg;

    msg = (PTRANSPORT_MESSAGE)ExAllocatePoolZero(NonPagedPoolNx, sizeof(TRANSPORT_MESSAGE), MSG_TAG);
    if (msg == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    msg->Sequence = DevExt->Sequence++;
    msg->Length = 0;

    return TransportQueueMessage(DevExt->Transport, msg);
}
