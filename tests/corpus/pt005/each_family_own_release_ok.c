// PT005 negative: one routine that allocates from five families - pool, an
// MDL, an IRP, a work item and an Rtl-converted string - and releases each
// with its own routine, in an order that interleaves them.
#include <wdm.h>

#define MX_TAG 'xMxM'

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
MxSelfTest(
    _In_ PDEVICE_OBJECT DeviceObject,
    _In_ PCSZ Label
    )
{
    ANSI_STRING ansiLabel;
    UNICODE_STRING label;
    PIO_WORKITEM item;
    PVOID buffer;
    PMDL mdl;
    PIRP irp;
    NTSTATUS status;

    PAGED_CODE();

    buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, MX_TAG);
    if (buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    mdl = IoAllocateMdl(buffer, PAGE_SIZE, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        ExFreePoolWithTag(buffer, MX_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);

    irp = IoAllocateIrp(DeviceObject->StackSize, FALSE);
    if (irp == NULL) {
        IoFreeMdl(mdl);
        ExFreePoolWithTag(buffer, MX_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    item = IoAllocateWorkItem(DeviceObject);
    if (item == NULL) {
        IoFreeIrp(irp);
        IoFreeMdl(mdl);
        ExFreePoolWithTag(buffer, MX_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlInitAnsiString(&ansiLabel, Label);
    status = RtlAnsiStringToUnicodeString(&label, &ansiLabel, TRUE);
    if (NT_SUCCESS(status)) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, "MxSelfTest %wZ\n", &label);
        RtlFreeUnicodeString(&label);
    }

    IoFreeWorkItem(item);
    IoFreeMdl(mdl);
    IoFreeIrp(irp);
    ExFreePoolWithTag(buffer, MX_TAG);
    return status;
}
