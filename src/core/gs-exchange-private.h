/* gs-exchange-private.h — what the JSON and CSV readers share
 *
 * gs-exchange.c       files in and out, and the checks below
 * gs-exchange-json.c  the JSON format
 * gs-exchange-csv.c   the CSV format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-exchange.h"

G_BEGIN_DECLS

/* A CSV scanner (RFC 4180): one record at a time, with the line it starts on; @name (the
 * file's) starts each error message. */
typedef struct {
  const char *p, *end;
  guint       line;
  const char *name;
} GsCsvScanner;

gboolean gs_csv_next_record       (GsCsvScanner   *scanner,
                                   GPtrArray      *fields,
                                   guint          *record_line,
                                   GError        **error);

gboolean gs_exchange_check_utf8   (const char     *data,
                                   gsize           length,
                                   const char     *name,
                                   GError        **error);
gboolean gs_exchange_check_nesting (const char    *data,
                                   gsize           length,
                                   const char     *name,
                                   GError        **error);
gboolean gs_exchange_check_size   (gsize           length,
                                   const char     *name,
                                   GError        **error);
gboolean gs_exchange_scale_allows (const GsItem   *item,
                                   GsAnswerStatus  status);

G_END_DECLS
