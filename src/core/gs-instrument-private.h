/* gs-instrument-private.h — internals shared by the files of GsInstrument
 *
 * gs-instrument.c         the object, loading it, what it holds
 * gs-instrument-reader.c  reading and validating its JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gs-instrument.h"

G_BEGIN_DECLS

struct _GsInstrument
{
  GObject       parent_instance;

  GStringChunk *strings;
  GPtrArray    *owned;        /* every g_new'd structure, freed with the instrument */
  GPtrArray    *owned_arrays; /* every GPtrArray of borrowed pointers inside them */
  GHashTable   *english;      /* a translated text → its English original, both in `strings` */

  const char   *id;
  int           version;
  const char   *title;
  GPtrArray    *references;   /* of GsReference* */
  GPtrArray    *scales;       /* of GsScale* */
  GPtrArray    *domains;      /* of GsDomain* */
  GPtrArray    *items;        /* of GsItem*, every item in instrument order */
  GHashTable   *items_by_id;
  GHashTable   *domains_by_id;
  GsPolarity    polarity;
  GPtrArray    *stages;       /* of GsStage* */
  const char   *stages_derivation;
  double        stage_threshold;
};

gboolean gs_instrument_read (GsInstrument  *self,
                             JsonNode      *root,
                             const char    *name,
                             GError       **error);

G_END_DECLS
