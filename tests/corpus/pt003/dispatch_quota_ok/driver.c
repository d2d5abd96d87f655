// PT003 negative (with write.c): the quota allocation is in the IRP_MJ_WRITE
// dispatch routine, which runs in the writer's thread - exactly where quota
// belongs.  The driver does have a DPC, but it allocates nothing.
#include "spool.h"

_Use_decl_annotations_
VOID
SpSampleDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PSP_EXTENSION ext = (PSP_EXTENSION)DeferredContext;
    LONG depth = ext->JobCount;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (depth > ext->PeakJobs) {
        ext->PeakJobs = depth;
    }
}

_Use_decl_annotations_
NTSTATUS
SpCreateClose(
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
SpUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PSP_EXTENSION ext;
    PLIST_ENTRY link;

    PAGED_CODE();

    if (DriverObject->DeviceObject == NULL) {
        return;
    }
    ext = (PSP_EXTENSION)DriverObject->DeviceObject->DeviceExtension;
    KeCancelTimer(&ext->SampleTimer);
    KeFlushQueuedDpcs();

    ExAcquireFastMutex(&ext->QueueLock);
    while (!IsListEmpty(&ext->Jobs)) {
        link = RemoveHeadList(&ext->Jobs);
        ExFreePoolWithTag(CONTAINING_RECORD(link, SP_JOB, Link), SP_JOB_TAG);
    }
    ExReleaseFastMutex(&ext->QueueLock);
    IoDeleteDevice(DriverObject->DeviceObject);
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
    PSP_EXTENSION ext;
    LARGE_INTEGER due;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\SpoolSample");
    status = IoCreateDevice(DriverObject, sizeof(SP_EXTENSION), &name, FILE_DEVICE_PRINTER,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PSP_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(SP_EXTENSION));
    ExInitializeFastMutex(&ext->QueueLock);
    InitializeListHead(&ext->Jobs);

    KeInitializeTimer(&ext->SampleTimer);
    KeInitializeDpc(&ext->SampleDpc, SpSampleDpc, ext);
    due.QuadPart = -10000000LL;
    KeSetTimerEx(&ext->SampleTimer, due, 1000, &ext->SampleDpc);

    DriverObject->MajorFunction[IRP_MJ_CREATE] = SpCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = SpCreateClose;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = SpWrite;
    DriverObject->DriverUnload = SpUnload;
    deviceObject->Flags |= DO_BUFFERED_IO;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
