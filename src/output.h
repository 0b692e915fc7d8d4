/* The former name of the sink (sink.h), kept for code not yet moved to it: sk__output is an
** sk__sink and the sk__output_* calls are the sink's. */
#ifndef SK_OUTPUT_H
#define SK_OUTPUT_H

#include "sink.h"

typedef sk__sink sk__output;

#define sk__output_open sk__sink_open
#define sk__output_write sk__sink_write
#define sk__output_printf sk__sink_printf
#define sk__output_finish sk__sink_finish
#define sk__output_commit sk__sink_commit
#define sk__output_cairo_write sk__sink_cairo_write
#define sk__output_abort sk__sink_abort

#endif
