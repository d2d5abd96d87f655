// PT001 negative (near-miss of pool3_priority_param_leak.c): the "device gone"
// path releases the ExAllocatePool3 buffer with ExFreePool2.
#include <ntddk.h>

#define DMA_TAG 'xDMA'

typedef struct _DEVICE_EXTENSION {
    BOOLEAN SurpriseRemoved;
    PVOID CommonBufferShadow;
    ULONG ShadowLength;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
ShadowCommonBuffer(
    _Inout_ PDEVICE_EXTENSION DevExt,
    _In_reads_bytes_(Length) PVOID CommonBuffer,
    _In_ ULONG Length
    )
{
    POOL_EXTENDED_PARAMETER params;
    PVOID shadow;

    RtlZeroMemory(&params, sizeof(params));
    params.Type = PoolExtendedParameterPriority;
    params.Priority = LowPoolPriority;

    shadow = ExAllocatePool3(POOL_FLAG_NON_PAGED, Length, DMA_TAG, &params, 1);
    if (shadow == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (DevExt->SurpriseRemoved) {
        ExFreePool2(shadow, DMA_TAG, NULL, 0);
        return STATUS_NO_SUCH_DEVICE;
    }

    RtlCopyMemory(shadow, CommonBuffer, Length);
    if (DevExt->CommonBufferShadow != NULL) {
        ExFreePool2(DevExt->CommonBufferShadow, DMA_TAG, NULL, 0);
    }
    DevExt->CommonBufferShadow = shadow;
    DevExt->ShadowLength = Length;
    return STATUS_SUCCESS;
}
