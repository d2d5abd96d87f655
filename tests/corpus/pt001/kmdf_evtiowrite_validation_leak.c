// PT001 positive (KMDF): EvtIoWrite copies the request into a pool buffer and
// completes the request on a bad-opcode path without freeing the copy.
#include <ntddk.h>
#include <wdf.h>
#include "trace.h"

#define CMD_TAG 'dmCK'
#define MAX_COMMAND_BYTES 1024

typedef struct _COMMAND_HEADER {
    UCHAR Opcode;
    UCHAR Flags;
    USHORT Length;
} COMMAND_HEADER, *PCOMMAND_HEADER;

#define OPCODE_MAX 0x20

typedef struct _QUEUE_CONTEXT {
    UCHAR LastOpcode;
    ULONG CommandsAccepted;
    UCHAR Mailbox[MAX_COMMAND_BYTES];
} QUEUE_CONTEXT, *PQUEUE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(QUEUE_CONTEXT, QueueGetContext);

EVT_WDF_IO_QUEUE_IO_WRITE KSampleEvtIoWrite;

_Use_decl_annotations_
VOID
KSampleEvtIoWrite(
    WDFQUEUE Queue,
    WDFREQUEST Request,
    size_t Length
    )
{
    NTSTATUS status;
    PQUEUE_CONTEXT queueCtx = QueueGetContext(Queue);
    PVOID input;
    PCOMMAND_HEADER command;

    if (Length < sizeof(COMMAND_HEADER) || Length > MAX_COMMAND_BYTES) {
        WdfRequestComplete(Request, STATUS_INVALID_BUFFER_SIZE);
        return;
    }

    status = WdfRequestRetrieveInputBuffer(Request, Length, &input, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    command = (PCOMMAND_HEADER)ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, CMD_TAG); // expect: PT001
    if (command == NULL) {
        WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
        return;
    }
    RtlCopyMemory(command, input, Length);

    if (command->Opcode >= OPCODE_MAX) {
        TraceEvents(TRACE_LEVEL_WARNING, TRACE_QUEUE, "bad opcode 0x%x", command->Opcode);
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }

    queueCtx->LastOpcode = command->Opcode;
    RtlCopyMemory(queueCtx->Mailbox, command, Length);
    queueCtx->CommandsAccepted++;
    ExFreePoolWithTag(command, CMD_TAG);

    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}
