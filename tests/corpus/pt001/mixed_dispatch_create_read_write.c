// PT001 mixed: WDM create/read/write/close dispatch routines.  Create keeps a
// per-open context in FileObject->FsContext (hand-off); Read leaks its staging
// buffer on the end-of-data path; Write frees on every path.
#include <wdm.h>

#define OPEN_TAG 'nepO'
#define STG_TAG  'gtSR'

typedef struct _OPEN_CONTEXT {
    ULONG BytesRead;
    ULONG BytesWritten;
} OPEN_CONTEXT, *POPEN_CONTEXT;

typedef struct _DEVICE_EXTENSION {
    UCHAR Store[4096];
    ULONG StoreLength;
    FAST_MUTEX StoreLock;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_DISPATCH SampleCreate;
DRIVER_DISPATCH SampleClose;
DRIVER_DISPATCH SampleRead;
DRIVER_DISPATCH SampleWrite;

static
NTSTATUS
CompleteIrp(
    _Inout_ PIRP Irp,
    _In_ NTSTATUS Status,
    _In_ ULONG_PTR Information
    )
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

_Use_decl_annotations_
NTSTATUS
SampleCreate(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    POPEN_CONTEXT open;

    UNREFERENCED_PARAMETER(DeviceObject);
    PAGED_CODE();

    open = (POPEN_CONTEXT)ExAllocatePoolZero(NonPagedPoolNx, sizeof(OPEN_CONTEXT), OPEN_TAG);
    if (open == NULL) {
        return CompleteIrp(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    }
    stack->FileObject->FsContext = open;
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

_Use_decl_annotations_
NTSTATUS
SampleClose(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);

    UNREFERENCED_PARAMETER(DeviceObject);
    PAGED_CODE();

    if (stack->FileObject->FsContext != NULL) {
        ExFreePoolWithTag(stack->FileObject->FsContext, OPEN_TAG);
        stack->FileObject->FsContext = NULL;
    }
    return CompleteIrp(Irp, STATUS_SUCCESS, 0);
}

_Use_decl_annotations_
NTSTATUS
SampleRead(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PDEVICE_EXTENSION devExt = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    POPEN_CONTEXT open = (POPEN_CONTEXT)stack->FileObject->FsContext;
    ULONG offset = stack->Parameters.Read.ByteOffset.LowPart;
    ULONG length = stack->Parameters.Read.Length;
    PUCHAR staging;

    PAGED_CODE();

    staging = (PUCHAR)ExAllocatePoolWithTag(PagedPool, length, STG_TAG); // expect: PT001
    if (staging == NULL) {
        return CompleteIrp(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    }

    ExAcquireFastMutex(&devExt->StoreLock);
    if (offset >= devExt->StoreLength) {
        ExReleaseFastMutex(&devExt->StoreLock);
        return CompleteIrp(Irp, STATUS_END_OF_FILE, 0);
    }
    if (length > devExt->StoreLength - offset) {
        length = devExt->StoreLength - offset;
    }
    RtlCopyMemory(staging, &devExt->Store[offset], length);
    ExReleaseFastMutex(&devExt->StoreLock);

    RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, staging, length);
    ExFreePoolWithTag(staging, STG_TAG);

    open->BytesRead += length;
    return CompleteIrp(Irp, STATUS_SUCCESS, length);
}

_Use_decl_annotations_
NTSTATUS
SampleWrite(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PDEVICE_EXTENSION devExt = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    POPEN_CONTEXT open = (POPEN_CONTEXT)stack->FileObject->FsContext;
    ULONG length = stack->Parameters.Write.Length;
    PUCHAR staging;
    NTSTATUS status = STATUS_SUCCESS;

    PAGED_CODE();

    staging = (PUCHAR)ExAllocatePoolWithTag(PagedPool, length, STG_TAG);
    if (staging == NULL) {
        return CompleteIrp(Irp, STATUS_INSUFFICIENT_RESOURCES, 0);
    }
    RtlCopyMemory(staging, Irp->AssociatedIrp.SystemBuffer, length);

    ExAcquireFastMutex(&devExt->StoreLock);
    if (length > sizeof(devExt->Store)) {
        status = STATUS_DISK_FULL;
        length = 0;
    } else {
        RtlCopyMemory(devExt->Store, staging, length);
        devExt->StoreLength = length;
    }
    ExReleaseFastMutex(&devExt->StoreLock);

    ExFreePoolWithTag(staging, STG_TAG);
    open->BytesWritten += length;
    return CompleteIrp(Irp, status, length);
}
