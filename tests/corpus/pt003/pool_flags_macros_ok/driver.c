// PT003 negative: the DPC allocates with NX_DPC_POOL_FLAGS (no quota) and
// with a local flags variable built only from non-quota flags; the quota
// macro NX_REQUEST_POOL_FLAGS is used only by the IOCTL dispatch routine.
#include "nx.h"

_Use_decl_annotations_
VOID
NxFrameDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PNX_EXTENSION ext = (PNX_EXTENSION)DeferredContext;
    ULONG length = (ULONG)(ULONG_PTR)SystemArgument2;
    POOL_FLAGS flags;
    PUCHAR frame;
    PUCHAR shadow;

    UNREFERENCED_PARAMETER(Dpc);

    if (SystemArgument1 == NULL || length > NX_FRAME_BYTES) {
        return;
    }
    frame = (PUCHAR)ExAllocatePool2(NX_DPC_POOL_FLAGS, length, NX_TAG);
    if (frame == NULL) {
        return;
    }
    RtlCopyMemory(frame, SystemArgument1, length);

    flags = POOL_FLAG_NON_PAGED;
    if (ext->CacheAligned) {
        flags |= POOL_FLAG_CACHE_ALIGNED;
    }
    shadow = (PUCHAR)ExAllocatePool2(flags, length, NX_TAG);
    if (shadow != NULL) {
        RtlCopyMemory(shadow, frame, length);
        RtlCopyMemory(ext->LastFrame, shadow, length);
        ExFreePoolWithTag(shadow, NX_TAG);
    }
    ext->Frames++;
    ext->Bytes += length;
    ExFreePoolWithTag(frame, NX_TAG);
}

_Use_decl_annotations_
NTSTATUS
NxDeviceControl(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PNX_EXTENSION ext = (PNX_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG outLength = stack->Parameters.DeviceIoControl.OutputBufferLength;
    PUCHAR snapshot;
    NTSTATUS status = STATUS_SUCCESS;

    PAGED_CODE();

    if (outLength < NX_FRAME_BYTES) {
        status = STATUS_BUFFER_TOO_SMALL;
        outLength = 0;
        goto Complete;
    }
    snapshot = (PUCHAR)ExAllocatePool2(NX_REQUEST_POOL_FLAGS, NX_FRAME_BYTES, NX_TAG);
    if (snapshot == NULL) {
        status = STATUS_QUOTA_EXCEEDED;
        outLength = 0;
        goto Complete;
    }
    RtlCopyMemory(snapshot, ext->LastFrame, NX_FRAME_BYTES);
    RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, snapshot, NX_FRAME_BYTES);
    ExFreePoolWithTag(snapshot, NX_TAG);
    outLength = NX_FRAME_BYTES;

Complete:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = outLength;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

_Use_decl_annotations_
VOID
NxUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PAGED_CODE();
    if (DriverObject->DeviceObject != NULL) {
        KeFlushQueuedDpcs();
        IoDeleteDevice(DriverObject->DeviceObject);
    }
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;
    UNICODE_STRING name;
    PDEVICE_OBJECT deviceObject;
    PNX_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\NxCapture");
    status = IoCreateDevice(DriverObject, sizeof(NX_EXTENSION), &name, FILE_DEVICE_NETWORK,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PNX_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(NX_EXTENSION));
    ext->CacheAligned = TRUE;
    KeInitializeDpc(&ext->FrameDpc, NxFrameDpc, ext);

    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = NxDeviceControl;
    DriverObject->DriverUnload = NxUnload;
    deviceObject->Flags |= DO_BUFFERED_IO;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
