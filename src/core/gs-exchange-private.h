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
