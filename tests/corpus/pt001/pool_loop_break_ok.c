// PT001 negative (near-miss of pool_loop_break_leak.c): the bounce buffer is
// freed after the loop whether or not a chunk failed.
#include <wdm.h>

#define BOUNCE_TAG 'cnuB'
#define CHUNK_SIZE 512

typedef struct _DEVICE_EXTENSION {
    UCHAR Fifo[CHUNK_SIZE];
    volatile ULONG *StatusRegister;
    ULONG BytesWritten;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

#define STATUS_REG_ERROR 0x80

static
NTSTATUS
PushChunk(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_reads_bytes_(Length) PUCHAR Chunk,
    _In_ ULONG Length
    )
{
    RtlCopyMemory(DevExt->Fifo, Chunk, Length);
    if (READ_REGISTER_ULONG((PULONG)DevExt->StatusRegister) & STATUS_REG_ERROR) {
        return STATUS_IO_DEVICE_ERROR;
    }
    DevExt->BytesWritten += Length;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
SendBuffer(
    _In_ PDEVICE_EXTENSION DevExt,
    _In_reads_bytes_(Length) PUCHAR Data,
    _In_ ULONG Length
    )
{
    NTSTATUS status = STATUS_SUCCESS;
    PUCHAR bounce;
    ULONG offset = 0;
    ULONG chunk;

    bounce = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, CHUNK_SIZE, BOUNCE_TAG);
    if (!bounce) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    while (offset < Length) {
        chunk = Length - offset;
        if (chunk > CHUNK_SIZE) {
            chunk = CHUNK_SIZE;
        }
        RtlCopyMemory(bounce, Data + offset, chunk);

        status = PushChunk(DevExt, bounce, chunk);
        if (!NT_SUCCESS(status)) {
            break;
        }
        offset += chunk;
    }

    ExFreePoolWithTag(bounce, BOUNCE_TAG);
    return status;
}
