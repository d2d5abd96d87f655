// PT003 positive: a threaded DPC (KeInitializeThreadedDpc) maps a slice of
// the device's nonpaged ring with an MDL allocated with ChargeQuota = TRUE.
// Threaded DPCs run in an arbitrary thread too, so the MDL is charged to
// whoever was running.
#include <ntddk.h>

#define TD_RING_TAG   'gRdT'
#define TD_RING_BYTES (4 * PAGE_SIZE)
#define TD_SLICE      PAGE_SIZE

typedef struct _TD_EXTENSION {
    KDPC CopyDpc;
    PUCHAR Ring;
    ULONG ReadOffset;
    ULONG64 Checksum;
} TD_EXTENSION, *PTD_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD TdUnload;

_Function_class_(KDEFERRED_ROUTINE)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_min_(PASSIVE_LEVEL)
_IRQL_requires_same_
static
VOID
TdCopyThreadedDpc(
    _In_ PKDPC Dpc,
    _In_opt_ PVOID DeferredContext,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    )
{
    PTD_EXTENSION ext = (PTD_EXTENSION)DeferredContext;
    PUCHAR slice = ext->Ring + ext->ReadOffset;
    PUCHAR view;
    PMDL mdl;
    ULONG i;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    mdl = IoAllocateMdl(slice, TD_SLICE, FALSE, TRUE, NULL); // expect: PT003
    if (mdl == NULL) {
        return;
    }
    MmBuildMdlForNonPagedPool(mdl);
    view = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (view != NULL) {
        for (i = 0; i < TD_SLICE; i++) {
            ext->Checksum += view[i];
        }
    }
    IoFreeMdl(mdl);
    ext->ReadOffset = (ext->ReadOffset + TD_SLICE) % TD_RING_BYTES;
}

_Use_decl_annotations_
VOID
TdUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PTD_EXTENSION ext;

    if (DriverObject->DeviceObject == NULL) {
        return;
    }
    ext = (PTD_EXTENSION)DriverObject->DeviceObject->DeviceExtension;
    KeRemoveQueueDpc(&ext->CopyDpc);
    KeFlushQueuedDpcs();
    if (ext->Ring != NULL) {
        ExFreePoolWithTag(ext->Ring, TD_RING_TAG);
    }
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
    PDEVICE_OBJECT deviceObject;
    PTD_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(TD_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PTD_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(TD_EXTENSION));

    ext->Ring = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, TD_RING_BYTES, TD_RING_TAG);
    if (ext->Ring == NULL) {
        IoDeleteDevice(deviceObject);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeThreadedDpc(&ext->CopyDpc, TdCopyThreadedDpc, ext);

    DriverObject->DriverUnload = TdUnload;
    return STATUS_SUCCESS;
}
