// clang-only PT003 positives (and negatives): whether ExAllocatePool2 or
// IoAllocateMdl charges quota depends on a constant that is not a #define -
// a const flags variable, a const BOOLEAN.  clang evaluates them; tree-sitter
// cannot resolve the names and stays silent.  The scratch buffer's flags and
// the switch set to FALSE charge nothing, under either frontend.
#include <ntddk.h>

#define SNAP_TAG 'panS'

static const POOL_FLAGS SnapshotFlags = POOL_FLAG_NON_PAGED | POOL_FLAG_USE_QUOTA;
static const POOL_FLAGS ScratchFlags = POOL_FLAG_NON_PAGED;
static const BOOLEAN ChargeTheCaller = TRUE;
static const BOOLEAN ChargeNobody = FALSE;

typedef struct _SNAP_EXTENSION {
    KDPC Dpc;
    PVOID Buffer;
    ULONG Length;
} SNAP_EXTENSION, *PSNAP_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SnapUnload;
KDEFERRED_ROUTINE SnapDpc;

_Use_decl_annotations_
VOID
SnapDpc(
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PSNAP_EXTENSION ext = (PSNAP_EXTENSION)DeferredContext;
    PVOID snapshot;
    PVOID scratch;
    PMDL quotaMdl;
    PMDL plainMdl;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    snapshot = ExAllocatePool2(SnapshotFlags, ext->Length, SNAP_TAG); // expect: PT003
    scratch = ExAllocatePool2(ScratchFlags, ext->Length, SNAP_TAG);
    quotaMdl = IoAllocateMdl(ext->Buffer, ext->Length, FALSE, ChargeTheCaller, NULL); // expect: PT003
    plainMdl = IoAllocateMdl(ext->Buffer, ext->Length, FALSE, ChargeNobody, NULL);
    if (snapshot != NULL && scratch != NULL) {
        RtlCopyMemory(snapshot, ext->Buffer, ext->Length);
        RtlCopyMemory(scratch, snapshot, ext->Length);
    }
    if (quotaMdl != NULL) {
        IoFreeMdl(quotaMdl);
    }
    if (plainMdl != NULL) {
        IoFreeMdl(plainMdl);
    }
    if (scratch != NULL) {
        ExFreePoolWithTag(scratch, SNAP_TAG);
    }
    if (snapshot != NULL) {
        ExFreePoolWithTag(snapshot, SNAP_TAG);
    }
}

_Use_decl_annotations_
VOID
SnapUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PSNAP_EXTENSION ext;

    if (DriverObject->DeviceObject != NULL) {
        ext = (PSNAP_EXTENSION)DriverObject->DeviceObject->DeviceExtension;
        KeRemoveQueueDpc(&ext->Dpc);
        KeFlushQueuedDpcs();
        ExFreePoolWithTag(ext->Buffer, SNAP_TAG);
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
    PDEVICE_OBJECT device;
    PSNAP_EXTENSION ext;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(SNAP_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PSNAP_EXTENSION)device->DeviceExtension;
    ext->Length = PAGE_SIZE;
    ext->Buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, ext->Length, SNAP_TAG);
    if (ext->Buffer == NULL) {
        IoDeleteDevice(device);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeDpc(&ext->Dpc, SnapDpc, ext);
    DriverObject->DriverUnload = SnapUnload;
    return STATUS_SUCCESS;
}
