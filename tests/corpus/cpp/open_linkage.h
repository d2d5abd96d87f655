// A header that opens `extern "C" {` and never closes it (seen in an ACX
// sample under mingw-w64): every definition of the including file is
// nested in the header's linkage block.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif

typedef struct _QUEUE_CONTEXT {
    PVOID Staging;
    ULONG Length;
} QUEUE_CONTEXT, *PQUEUE_CONTEXT;
