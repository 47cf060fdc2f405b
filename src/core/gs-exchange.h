/* gs-exchange.h — assessments in and out: the JSON exchange format and CSV for spreadsheets
 *
 * Readers validate everything against the instrument and produce nothing partial: on any
 * error they return NULL with a GError naming the file, the JSON path or CSV line, and
 * what was expected. The formats are documented in docs/exchange-formats.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-assessment.h"
#include "gs-instrument.h"

G_BEGIN_DECLS

#define GS_EXCHANGE_ERROR (gs_exchange_error_quark ())

typedef enum {
  GS_EXCHANGE_ERROR_PARSE,         /* not JSON, or not CSV as RFC 4180 writes it */
  GS_EXCHANGE_ERROR_FORMAT,        /* not a Groundswell file, or a version we do not read */
  GS_EXCHANGE_ERROR_INVALID,       /* a value of the wrong type, or out of range */
  GS_EXCHANGE_ERROR_UNKNOWN_ITEM,  /* an answer to an item the instrument does not have */
  GS_EXCHANGE_ERROR_INSTRUMENT,    /* the file is for another instrument */
  GS_EXCHANGE_ERROR_ENCODING,      /* the text is not UTF-8 */
  GS_EXCHANGE_ERROR_TOO_LARGE,     /* larger than any real assessment */
  GS_EXCHANGE_ERROR_CONFLICT,      /* merging would change answers already there */
  GS_EXCHANGE_ERROR_NEWER,         /* … only with answers saved later: allowed when asked */
} GsExchangeError;

/* Version 2 added the plan; files of version 1 (no plan) are read too. */
#define GS_EXCHANGE_FORMAT_VERSION 2
#define GS_EXCHANGE_OLDEST_FORMAT_VERSION 1
/* 1,000 respondents × 200 items with long notes stay well below this. */
#define GS_EXCHANGE_MAX_BYTES (64 * 1024 * 1024)

/* What a JSON file holds: a whole assessment, or one person's answers to merge into one. */
typedef enum {
  GS_EXCHANGE_ASSESSMENT,
  GS_EXCHANGE_RESPONSES,
} GsExchangeKind;

GQuark        gs_exchange_error_quark     (void);

char         *gs_exchange_write_json      (GsAssessment    *assessment,
                                           GsExchangeKind   kind);
GsAssessment *gs_exchange_read_json       (GsInstrument    *instrument,
                                           const char      *data,
                                           gsize            length,
                                           const char      *name,
                                           GsExchangeKind  *kind,
                                           GError         **error);

char         *gs_exchange_write_plan_csv  (GsInstrument    *instrument,
                                          GsAssessment    *assessment);
char         *gs_exchange_write_csv       (GsInstrument    *instrument,
                                           GsAssessment    *assessment);
GsAssessment *gs_exchange_read_csv        (GsInstrument    *instrument,
                                           const char      *data,
                                           gsize            length,
                                           const char      *name,
                                           GError         **error);

char         *gs_exchange_load            (const char      *path,
                                           gsize           *length,
                                           GError         **error);
GsAssessment *gs_exchange_read_file       (GsInstrument    *instrument,
                                           const char      *path,
                                           GsExchangeKind  *kind,
                                           GError         **error);

gboolean      gs_exchange_check_export_path (const char   *path,
                                           GError         **error);
gboolean      gs_exchange_write_file      (GsInstrument    *instrument,
                                           GsAssessment    *assessment,
                                           const char      *path,
                                           GError         **error);


G_END_DECLS
