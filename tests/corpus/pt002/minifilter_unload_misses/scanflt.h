// scanflt.h - a file-system minifilter that skips files by extension.
#pragma once
#include <fltKernel.h>

#define SCAN_EXT_TAG   'xEcS'
#define SCAN_NAME_TAG  'nNcS'
#define SCAN_MAX_EXTENSIONS 32

typedef struct _SCAN_GLOBALS {
    PFLT_FILTER Filter;
    PUNICODE_STRING Extensions;      // array of SCAN_MAX_EXTENSIONS strings
    ULONG ExtensionCount;
    PWCHAR ExtensionText;            // backing storage for the strings above
} SCAN_GLOBALS;

extern SCAN_GLOBALS g_Scan;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS
ScanUnload(
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    );

FLT_PREOP_CALLBACK_STATUS
ScanPreCreate(
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );
