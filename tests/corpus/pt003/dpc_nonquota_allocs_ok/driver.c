// PT003 negative: a DPC that allocates pool, an MDL and an IRP, none of them
// with quota: ExAllocatePool2 without POOL_FLAG_USE_QUOTA,
// ExAllocatePoolWithTag, IoAllocateMdl(..., ChargeQuota FALSE, ...) and
// IoAllocateIrp(StackSize, FALSE).
#include <wdm.h>

#define RQ_TAG 'qRpD'
#define RQ_BYTES 512
#define IOCTL_RQ_FORWARD CTL_CODE(FILE_DEVICE_UNKNOWN, 0x850, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _RQ_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT Target;
    PFILE_OBJECT TargetFile;
    KDPC ForwardDpc;
    UCHAR Pending[RQ_BYTES];
    ULONG Checksum;
} RQ_EXTENSION, *PRQ_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD RqUnload;
KDEFERRED_ROUTINE RqForwardDpc;
IO_COMPLETION_ROUTINE RqForwardComplete;

_Use_decl_annotations_
NTSTATUS
RqForwardComplete(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);

    if (Irp->AssociatedIrp.SystemBuffer != NULL) {
        ExFreePoolWithTag(Irp->AssociatedIrp.SystemBuffer, RQ_TAG);
    }
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_Use_decl_annotations_
VOID
RqForwardDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PRQ_EXTENSION ext = (PRQ_EXTENSION)DeferredContext;
    PUCHAR staging;
    PVOID copy;
    PMDL mdl;
    PIRP irp;
    PIO_STACK_LOCATION next;
    PUCHAR view;
    ULONG i;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    staging = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_CACHE_ALIGNED, RQ_BYTES, RQ_TAG);
    if (staging == NULL) {
        return;
    }
    RtlCopyMemory(staging, ext->Pending, RQ_BYTES);

    mdl = IoAllocateMdl(staging, RQ_BYTES, FALSE, FALSE, NULL);
    if (mdl != NULL) {
        MmBuildMdlForNonPagedPool(mdl);
        view = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
        for (i = 0; view != NULL && i < RQ_BYTES; i++) {
            ext->Checksum += view[i];
        }
        IoFreeMdl(mdl);
    }

    copy = ExAllocatePoolWithTag(NonPagedPoolNx, RQ_BYTES, RQ_TAG);
    if (copy == NULL) {
        ExFreePoolWithTag(staging, RQ_TAG);
        return;
    }
    RtlCopyMemory(copy, staging, RQ_BYTES);
    ExFreePoolWithTag(staging, RQ_TAG);

    irp = IoAllocateIrp(ext->Target->StackSize, FALSE);
    if (irp == NULL) {
        ExFreePoolWithTag(copy, RQ_TAG);
        return;
    }
    irp->AssociatedIrp.SystemBuffer = copy;
    next = IoGetNextIrpStackLocation(irp);
    next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    next->Parameters.DeviceIoControl.IoControlCode = IOCTL_RQ_FORWARD;
    next->Parameters.DeviceIoControl.InputBufferLength = RQ_BYTES;
    IoSetCompletionRoutine(irp, RqForwardComplete, ext, TRUE, TRUE, TRUE);
    IoCallDriver(ext->Target, irp);
}

_Use_decl_annotations_
VOID
RqUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PRQ_EXTENSION ext;

    if (DriverObject->DeviceObject != NULL) {
        ext = (PRQ_EXTENSION)DriverObject->DeviceObject->DeviceExtension;
        KeRemoveQueueDpc(&ext->ForwardDpc);
        KeFlushQueuedDpcs();
        ObDereferenceObject(ext->TargetFile);
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
    UNICODE_STRING targetName;
    PDEVICE_OBJECT deviceObject;
    PRQ_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(RQ_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PRQ_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(RQ_EXTENSION));
    ext->Self = deviceObject;

    RtlInitUnicodeString(&targetName, L"\\Device\\RqBackend");
    status = IoGetDeviceObjectPointer(&targetName, FILE_READ_DATA, &ext->TargetFile, &ext->Target);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(deviceObject);
        return status;
    }
    KeInitializeDpc(&ext->ForwardDpc, RqForwardDpc, ext);

    DriverObject->DriverUnload = RqUnload;
    return STATUS_SUCCESS;
}
