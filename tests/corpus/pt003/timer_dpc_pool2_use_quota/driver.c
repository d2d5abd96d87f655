// PT003 positive: a periodic kernel timer (KeSetTimerEx with a KDPC whose
// routine comes from KeInitializeDpc) samples a counter block and allocates
// its scratch copy with ExAllocatePool2(... | POOL_FLAG_USE_QUOTA).  Timer
// DPCs run at DISPATCH_LEVEL in an arbitrary process context.
#include <ntddk.h>

#define PL_TAG       'lPmT'
#define PL_PERIOD_MS 500
#define PL_COUNTERS  32

typedef struct _PL_EXTENSION {
    KTIMER PollTimer;
    KDPC PollDpc;
    volatile ULONG Counters[PL_COUNTERS];
    ULONG Peak[PL_COUNTERS];
} PL_EXTENSION, *PPL_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD PlUnload;

static
VOID
PlPollTimerDpc(
    _In_ PKDPC Dpc,
    _In_opt_ PVOID DeferredContext,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    )
{
    PPL_EXTENSION ext = (PPL_EXTENSION)DeferredContext;
    PULONG copy;
    ULONG i;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    copy = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_USE_QUOTA, // expect: PT003
                                   sizeof(ext->Counters), PL_TAG);
    if (copy == NULL) {
        return;
    }
    for (i = 0; i < PL_COUNTERS; i++) {
        copy[i] = ext->Counters[i];
        if (copy[i] > ext->Peak[i]) {
            ext->Peak[i] = copy[i];
        }
    }
    ExFreePoolWithTag(copy, PL_TAG);
}

_Use_decl_annotations_
VOID
PlUnload(
    PDRIVER_OBJECT DriverObject
    )
{
    PPL_EXTENSION ext;

    PAGED_CODE();

    if (DriverObject->DeviceObject != NULL) {
        ext = (PPL_EXTENSION)DriverObject->DeviceObject->DeviceExtension;
        KeCancelTimer(&ext->PollTimer);
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
    PPL_EXTENSION ext;
    LARGE_INTEGER due;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(PL_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PPL_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(PL_EXTENSION));

    KeInitializeTimerEx(&ext->PollTimer, NotificationTimer);
    KeInitializeDpc(&ext->PollDpc, PlPollTimerDpc, ext);
    due.QuadPart = -10000LL * PL_PERIOD_MS;
    KeSetTimerEx(&ext->PollTimer, due, PL_PERIOD_MS, &ext->PollDpc);

    DriverObject->DriverUnload = PlUnload;
    return STATUS_SUCCESS;
}
