// PT003 positive: a virtual Storport miniport completes requests from a DPC
// set up with StorPortInitializeDpc.  The completion DPC allocates its
// sense-data scratch copy with ExAllocatePoolWithQuotaTag.
#include <ntddk.h>
#include <storport.h>

#define VM_TAG 'nSmV'

typedef struct _VM_EXTENSION {
    STOR_DPC CompletionDpc;
    PSCSI_REQUEST_BLOCK PendingSrb;
    ULONG CompletedCount;
} VM_EXTENSION, *PVM_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
HW_INITIALIZE VmHwInitialize;
HW_PASSIVE_INITIALIZE_ROUTINE VmHwPassiveInitialize;
HW_FIND_ADAPTER VmHwFindAdapter;
HW_STARTIO VmHwStartIo;
HW_RESET_BUS VmHwResetBus;
HW_ADAPTER_CONTROL VmHwAdapterControl;

static
VOID
VmCompletionDpc(
    _In_ PSTOR_DPC Dpc,
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    )
{
    PVM_EXTENSION ext = (PVM_EXTENSION)HwDeviceExtension;
    PSCSI_REQUEST_BLOCK srb = (PSCSI_REQUEST_BLOCK)SystemArgument1;
    PUCHAR sense;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (srb == NULL) {
        return;
    }
    if (srb->SenseInfoBufferLength != 0 && srb->SenseInfoBuffer != NULL) {
        sense = (PUCHAR)ExAllocatePoolWithQuotaTag(NonPagedPoolNx | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, // expect: PT003
                                                   srb->SenseInfoBufferLength, VM_TAG);
        if (sense != NULL) {
            RtlZeroMemory(sense, srb->SenseInfoBufferLength);
            sense[0] = 0x70;                    // fixed format, current error, NO SENSE
            RtlCopyMemory(srb->SenseInfoBuffer, sense, srb->SenseInfoBufferLength);
            ExFreePoolWithTag(sense, VM_TAG);
        }
    }
    srb->SrbStatus = SRB_STATUS_SUCCESS;
    ext->CompletedCount++;
    StorPortNotification(RequestComplete, ext, srb);
}

_Use_decl_annotations_
BOOLEAN
VmHwPassiveInitialize(
    PVOID DeviceExtension
    )
{
    PVM_EXTENSION ext = (PVM_EXTENSION)DeviceExtension;

    StorPortInitializeDpc(DeviceExtension, &ext->CompletionDpc, VmCompletionDpc);
    return TRUE;
}

_Use_decl_annotations_
BOOLEAN
VmHwInitialize(
    PVOID DeviceExtension
    )
{
    return StorPortEnablePassiveInitialization(DeviceExtension, VmHwPassiveInitialize);
}

_Use_decl_annotations_
BOOLEAN
VmHwStartIo(
    PVOID DeviceExtension,
    PSCSI_REQUEST_BLOCK Srb
    )
{
    PVM_EXTENSION ext = (PVM_EXTENSION)DeviceExtension;

    StorPortIssueDpc(DeviceExtension, &ext->CompletionDpc, Srb, NULL);
    return TRUE;
}

_Use_decl_annotations_
ULONG
VmHwFindAdapter(
    PVOID DeviceExtension,
    PVOID HwContext,
    PVOID BusInformation,
    PCHAR ArgumentString,
    PPORT_CONFIGURATION_INFORMATION ConfigInfo,
    PBOOLEAN Again
    )
{
    UNREFERENCED_PARAMETER(DeviceExtension);
    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(Again);

    ConfigInfo->MaximumTransferLength = 64 * 1024;
    ConfigInfo->NumberOfBuses = 1;
    ConfigInfo->MaximumNumberOfTargets = 1;
    ConfigInfo->MaximumNumberOfLogicalUnits = 1;
    ConfigInfo->SynchronizationModel = StorSynchronizeFullDuplex;
    return SP_RETURN_FOUND;
}

_Use_decl_annotations_
BOOLEAN
VmHwResetBus(
    PVOID DeviceExtension,
    ULONG PathId
    )
{
    UNREFERENCED_PARAMETER(DeviceExtension);
    UNREFERENCED_PARAMETER(PathId);
    return TRUE;
}

_Use_decl_annotations_
SCSI_ADAPTER_CONTROL_STATUS
VmHwAdapterControl(
    PVOID DeviceExtension,
    SCSI_ADAPTER_CONTROL_TYPE ControlType,
    PVOID Parameters
    )
{
    PSCSI_SUPPORTED_CONTROL_TYPE_LIST list;

    UNREFERENCED_PARAMETER(DeviceExtension);

    if (ControlType == ScsiQuerySupportedControlTypes) {
        list = (PSCSI_SUPPORTED_CONTROL_TYPE_LIST)Parameters;
        list->SupportedTypeList[ScsiStopAdapter] = TRUE;
        list->SupportedTypeList[ScsiRestartAdapter] = TRUE;
    }
    return ScsiAdapterControlSuccess;
}

_Use_decl_annotations_
NTSTATUS
DriverEntry(
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    HW_INITIALIZATION_DATA hwInitData;

    RtlZeroMemory(&hwInitData, sizeof(hwInitData));
    hwInitData.HwInitializationDataSize = sizeof(HW_INITIALIZATION_DATA);
    hwInitData.AdapterInterfaceType = Internal;
    hwInitData.HwInitialize = VmHwInitialize;
    hwInitData.HwStartIo = VmHwStartIo;
    hwInitData.HwFindAdapter = VmHwFindAdapter;
    hwInitData.HwResetBus = VmHwResetBus;
    hwInitData.HwAdapterControl = VmHwAdapterControl;
    hwInitData.DeviceExtensionSize = sizeof(VM_EXTENSION);
    hwInitData.MapBuffers = STOR_MAP_NON_READ_WRITE_BUFFERS;
    hwInitData.TaggedQueuing = TRUE;
    hwInitData.AutoRequestSense = TRUE;
    hwInitData.MultipleRequestPerLu = TRUE;

    return StorPortInitialize(DriverObject, RegistryPath, &hwInitData, NULL);
}
