// PT003 positive: two DPC routines are picked from a table of function
// pointers, so KeInitializeDpc never names them directly; both carry
// _Function_class_(KDEFERRED_ROUTINE).  The TX routine charges quota (the
// finding); the RX routine allocates without quota (no finding).
#include <ntddk.h>

#define MQ_TAG       'qMuM'
#define MQ_QUEUES    2
#define MQ_BATCH     16

typedef struct _MQ_EXTENSION {
    KDPC QueueDpc[MQ_QUEUES];
    ULONG Processed[MQ_QUEUES];
    ULONG Batch[MQ_QUEUES][MQ_BATCH];
} MQ_EXTENSION, *PMQ_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD MqUnload;

_Function_class_(KDEFERRED_ROUTINE)
_IRQL_requires_(DISPATCH_LEVEL)
static
VOID
MqRxQueueDpc(
    _In_ PKDPC Dpc,
    _In_opt_ PVOID DeferredContext,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    )
{
    PMQ_EXTENSION ext = (PMQ_EXTENSION)DeferredContext;
    PULONG batch;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    batch = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(ext->Batch[0]), MQ_TAG);
    if (batch == NULL) {
        return;
    }
    RtlCopyMemory(batch, ext->Batch[0], sizeof(ext->Batch[0]));
    ext->Processed[0] += batch[0];
    ExFreePoolWithTag(batch, MQ_TAG);
}

_Function_class_(KDEFERRED_ROUTINE)
_IRQL_requires_(DISPATCH_LEVEL)
static
VOID
MqTxQueueDpc(
    _In_ PKDPC Dpc,
    _In_opt_ PVOID DeferredContext,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    )
{
    PMQ_EXTENSION ext = (PMQ_EXTENSION)DeferredContext;
    PULONG batch;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    batch = (PULONG)ExAllocatePoolWithQuotaTag(NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, // expect: PT003
                                               sizeof(ext->Batch[1]), MQ_TAG);
    if (batch == NULL) {
        return;
    }
    RtlCopyMemory(batch, ext->Batch[1], sizeof(ext->Batch[1]));
    ext->Processed[1] += batch[0];
    ExFreePoolWithTag(batch, MQ_TAG);
}

static PKDEFERRED_ROUTINE const MqQueueRoutines[MQ_QUEUES] = {
    MqRxQueueDpc,
    MqTxQueueDpc,
};

_Use_decl_annotations_
VOID
MqUnload(
    PDRIVER_OBJECT DriverObject
    )
{
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
    PDEVICE_OBJECT deviceObject;
    PMQ_EXTENSION ext;
    ULONG i;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = IoCreateDevice(DriverObject, sizeof(MQ_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PMQ_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(MQ_EXTENSION));
    for (i = 0; i < MQ_QUEUES; i++) {
        KeInitializeDpc(&ext->QueueDpc[i], MqQueueRoutines[i], ext);
    }

    DriverObject->DriverUnload = MqUnload;
    return STATUS_SUCCESS;
}
