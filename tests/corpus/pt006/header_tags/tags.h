// tags.h - every pool tag of the "hx" driver in one place.
#pragma once

#define HX_TAG_CONFIG   'fCxH'
#define HX_TAG_BUFFER   'fBxH'
#define HX_TAG_NAME     'mNxH'
#define HX_TAG_DEFAULT  HX_TAG_BUFFER
