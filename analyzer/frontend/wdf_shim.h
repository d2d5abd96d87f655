/* pooltrack: minimal KMDF declarations (handles, callback role types, the
 * request routines the analyzer knows).  Included by wdk_shim.h, and used as
 * <wdf.h> when the real WDK is not available (the mingw-w64 DDK has no KMDF).
 * Needs the WDM basics (NTSTATUS, ULONG_PTR, ...) declared first. */
#ifndef POOLTRACK_WDF_SHIM_H
#define POOLTRACK_WDF_SHIM_H
/* --------------------------------------------------------------- KMDF
 * Handles only: enough for signatures and locals of typical callbacks. */
#define WDF_SHIM_HANDLE(h) typedef struct h##__ *h
WDF_SHIM_HANDLE(WDFOBJECT);
WDF_SHIM_HANDLE(WDFDRIVER);
WDF_SHIM_HANDLE(WDFDEVICE);
WDF_SHIM_HANDLE(WDFQUEUE);
WDF_SHIM_HANDLE(WDFREQUEST);
WDF_SHIM_HANDLE(WDFMEMORY);
WDF_SHIM_HANDLE(WDFTIMER);
WDF_SHIM_HANDLE(WDFWORKITEM);
WDF_SHIM_HANDLE(WDFSPINLOCK);
WDF_SHIM_HANDLE(WDFWAITLOCK);
WDF_SHIM_HANDLE(WDFIOTARGET);
WDF_SHIM_HANDLE(WDFUSBDEVICE);
WDF_SHIM_HANDLE(WDFUSBPIPE);
WDF_SHIM_HANDLE(WDFDPC);
WDF_SHIM_HANDLE(WDFINTERRUPT);
WDF_SHIM_HANDLE(WDFKEY);
WDF_SHIM_HANDLE(WDFSTRING);
WDF_SHIM_HANDLE(WDFCOLLECTION);
WDF_SHIM_HANDLE(WDFCMRESLIST);
WDF_SHIM_HANDLE(WDFFILEOBJECT);
typedef struct WDFDEVICE_INIT *PWDFDEVICE_INIT;
typedef struct _WDF_OBJECT_ATTRIBUTES {
    ULONG Size; PVOID EvtCleanupCallback; PVOID EvtDestroyCallback; int ExecutionLevel;
    int SynchronizationScope; WDFOBJECT ParentObject; size_t ContextSizeOverride;
    const void *ContextTypeInfo;
} WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;
#define WDF_NO_OBJECT_ATTRIBUTES NULL
#define WDF_NO_HANDLE NULL
#define WDF_NO_EVENT_CALLBACK NULL
typedef void EVT_WDF_OBJECT_CONTEXT_CLEANUP(WDFOBJECT Object);
typedef void EVT_WDF_OBJECT_CONTEXT_DESTROY(WDFOBJECT Object);
typedef void EVT_WDF_DRIVER_UNLOAD(WDFDRIVER Driver);
typedef NTSTATUS EVT_WDF_DRIVER_DEVICE_ADD(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit);
typedef void EVT_WDF_IO_QUEUE_IO_READ(WDFQUEUE Queue, WDFREQUEST Request, size_t Length);
typedef void EVT_WDF_IO_QUEUE_IO_WRITE(WDFQUEUE Queue, WDFREQUEST Request, size_t Length);
typedef void EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL(WDFQUEUE Queue, WDFREQUEST Request,
                                                size_t OutputBufferLength,
                                                size_t InputBufferLength, ULONG IoControlCode);
typedef void EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL(WDFQUEUE Queue, WDFREQUEST Request,
                                                         size_t OutputBufferLength,
                                                         size_t InputBufferLength,
                                                         ULONG IoControlCode);
typedef void EVT_WDF_IO_QUEUE_IO_DEFAULT(WDFQUEUE Queue, WDFREQUEST Request);
typedef void EVT_WDF_IO_QUEUE_IO_STOP(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags);
typedef void EVT_WDF_REQUEST_CANCEL(WDFREQUEST Request);
typedef void EVT_WDF_TIMER(WDFTIMER Timer);
typedef void EVT_WDF_WORKITEM(WDFWORKITEM WorkItem);
typedef void EVT_WDF_DPC(WDFDPC Dpc);
typedef BOOLEAN EVT_WDF_INTERRUPT_ISR(WDFINTERRUPT Interrupt, ULONG MessageID);
typedef void EVT_WDF_INTERRUPT_DPC(WDFINTERRUPT Interrupt, WDFOBJECT AssociatedObject);
typedef NTSTATUS EVT_WDF_DEVICE_PREPARE_HARDWARE(WDFDEVICE Device, WDFCMRESLIST Raw,
                                                 WDFCMRESLIST Translated);
typedef NTSTATUS EVT_WDF_DEVICE_RELEASE_HARDWARE(WDFDEVICE Device, WDFCMRESLIST Translated);
typedef NTSTATUS EVT_WDF_DEVICE_D0_ENTRY(WDFDEVICE Device, int PreviousState);
typedef NTSTATUS EVT_WDF_DEVICE_D0_EXIT(WDFDEVICE Device, int TargetState);
typedef void EVT_WDF_DEVICE_FILE_CREATE(WDFDEVICE Device, WDFREQUEST Request,
                                        WDFFILEOBJECT FileObject);
typedef void EVT_WDF_FILE_CLOSE(WDFFILEOBJECT FileObject);
typedef void EVT_WDF_FILE_CLEANUP(WDFFILEOBJECT FileObject);
#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(type, fn) type *fn(WDFOBJECT Handle)
#define WDF_DECLARE_CONTEXT_TYPE(type) type *WdfObjectGet_##type(WDFOBJECT Handle)
#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(a, type) ((a)->ContextTypeInfo = 0)
void WDF_OBJECT_ATTRIBUTES_INIT(PWDF_OBJECT_ATTRIBUTES Attributes);
void WdfRequestComplete(WDFREQUEST Request, NTSTATUS Status);
void WdfRequestCompleteWithInformation(WDFREQUEST Request, NTSTATUS Status, ULONG_PTR Information);
void WdfRequestSetInformation(WDFREQUEST Request, ULONG_PTR Information);
NTSTATUS WdfRequestRetrieveInputBuffer(WDFREQUEST Request, size_t MinimumRequiredLength,
                                       PVOID *Buffer, size_t *Length);
NTSTATUS WdfRequestRetrieveOutputBuffer(WDFREQUEST Request, size_t MinimumRequiredSize,
                                        PVOID *Buffer, size_t *Length);
NTSTATUS WdfRequestRetrieveInputMemory(WDFREQUEST Request, WDFMEMORY *Memory);
NTSTATUS WdfRequestRetrieveOutputMemory(WDFREQUEST Request, WDFMEMORY *Memory);
NTSTATUS WdfRequestForwardToIoQueue(WDFREQUEST Request, WDFQUEUE DestinationQueue);
WDFQUEUE WdfRequestGetIoQueue(WDFREQUEST Request);
WDFDEVICE WdfIoQueueGetDevice(WDFQUEUE Queue);
PDEVICE_OBJECT WdfDeviceWdmGetDeviceObject(WDFDEVICE Device);
NTSTATUS WdfObjectAllocateContext();
void WdfObjectDelete(WDFOBJECT Object);
void WdfObjectReference(WDFOBJECT Handle);
void WdfObjectDereference(WDFOBJECT Handle);
NTSTATUS WdfMemoryCreate();
PVOID WdfMemoryGetBuffer(WDFMEMORY Memory, size_t *BufferSize);
NTSTATUS WdfDeviceCreate();
NTSTATUS WdfIoQueueCreate();
NTSTATUS WdfDriverCreate();
NTSTATUS WdfTimerCreate();
NTSTATUS WdfWorkItemCreate();
NTSTATUS WdfSpinLockCreate();
void WdfSpinLockAcquire(WDFSPINLOCK SpinLock);
void WdfSpinLockRelease(WDFSPINLOCK SpinLock);

#endif /* POOLTRACK_WDF_SHIM_H */
