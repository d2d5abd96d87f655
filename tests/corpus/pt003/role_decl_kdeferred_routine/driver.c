// PT003 positive (with timer.c): LmLinkCheck is declared with the
// KDEFERRED_ROUTINE role type in hb.h.  It reaches KeInitializeDpc only as a
// function-pointer argument of the TmStartPeriodic helper, so the role
// declaration is what marks it as a DPC; it allocates with quota.
#include "hb.h"

_Use_decl_annotations_
VOID
LmLinkCheck(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PLM_EXTENSION ext = (PLM_EXTENSION)DeferredContext;
    PUCHAR status;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    status = (PUCHAR)ExAllocatePoolWithQuotaTag(NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, // expect: PT003
                                                sizeof(ext->LastStatus), LM_TAG);
    if (status == NULL) {
        return;
    }
    READ_REGISTER_BUFFER_UCHAR(ext->PhyRegisters, status, sizeof(ext->LastStatus));
    if ((status[0] & 0x04) == 0 && (ext->LastStatus[0] & 0x04) != 0) {
        ext->LinkDownCount++;
    }
    RtlCopyMemory(ext->LastStatus, status, sizeof(ext->LastStatus));
    ExFreePoolWithTag(status, LM_TAG);
}

_Use_decl_annotations_
VOID
LmUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PLM_EXTENSION ext;

    if (DriverObject->DeviceObject != NULL) {
        ext = (PLM_EXTENSION)DriverObject->DeviceObject->DeviceExtension;
        KeCancelTimer(&ext->Timer);
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
    PDEVICE_OBJECT deviceObject;
    PLM_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(LM_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PLM_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(LM_EXTENSION));
    TmStartPeriodic(&ext->Timer, &ext->Dpc, LmLinkCheck, ext, 2000);

    DriverObject->DriverUnload = LmUnload;
    return STATUS_SUCCESS;
}
