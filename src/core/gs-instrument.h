/* gs-instrument.h — the assessment instrument: what Groundswell asks, loaded from JSON
 *
 * The structures below are owned by the GsInstrument and live as long as it does; callers
 * read them and never free or change them. The JSON format is documented in
 * data/instruments/README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gs-assessment.h"

G_BEGIN_DECLS

#define GS_INSTRUMENT_ERROR (gs_instrument_error_quark ())

typedef enum {
  GS_INSTRUMENT_ERROR_PARSE,        /* not JSON */
  GS_INSTRUMENT_ERROR_FORMAT,       /* a format version this build does not read */
  GS_INSTRUMENT_ERROR_MISSING,      /* a required member is absent or empty */
  GS_INSTRUMENT_ERROR_TYPE,         /* a member has the wrong JSON type */
  GS_INSTRUMENT_ERROR_DUPLICATE_ID, /* two things share an id */
  GS_INSTRUMENT_ERROR_UNKNOWN_ID,   /* a reference to a scale, source, domain or item that does not exist */
  GS_INSTRUMENT_ERROR_INVALID,      /* a value out of its range */
  GS_INSTRUMENT_ERROR_NOT_SHIPPED,  /* an instrument or version this build does not have */
} GsInstrumentError;

#define GS_INSTRUMENT_FORMAT_VERSION 1

#define GS_SCALE_POINTS 5

typedef enum {
  GS_PART_RECEPTIVE_CONTEXT,
  GS_PART_TRIGGERING_CONDITIONS,
  GS_PART_POLARITY,
} GsPart;

typedef enum {
  GS_POLE_LEFT,   /* the programmatic approach in Table 1 */
  GS_POLE_RIGHT,  /* the social movements approach */
  GS_N_POLES
} GsPole;

typedef enum {
  GS_SIDE_UPSIDE,
  GS_SIDE_DOWNSIDE,
  GS_N_SIDES
} GsSide;

typedef struct {
  const char *ref;      /* a reference id: "paper", "pettigrew1992", …; NULL: Groundswell's own text */
  const char *section;
  const char *quote;
} GsSource;

typedef struct {
  const char *text;
  GsSource    source;
} GsSourcedText;

typedef struct {
  const char *id;
  const char *question;
  const char *labels[GS_SCALE_POINTS];  /* for the values 1 … 5 */
  gboolean    allows_dont_know;
  gboolean    allows_not_applicable;
} GsScale;

typedef struct _GsDomain GsDomain;

typedef struct {
  const char     *id;
  const GsScale  *scale;
  const char     *statement;
  const char     *hint;          /* may be NULL for polarity items */
  GsSource        source;
  /* Where the item belongs: a domain, or a quadrant of a polarity row. */
  const GsDomain *domain;        /* NULL for polarity items */
  int             polarity_row;  /* -1 for domain items */
  GsPole          pole;
  GsSide          side;
} GsItem;

struct _GsDomain {
  const char     *id;
  GsPart          part;
  const char     *title;
  const char     *description;
  GsSource        source;
  GPtrArray      *items;         /* of GsItem* */
  GPtrArray      *suggestions;   /* of GsSourcedText* */
};

typedef struct {
  const char     *pole;                         /* Table 1's words, verbatim */
  GPtrArray      *statements[GS_N_SIDES];       /* of GsSourcedText*: upsides, downsides */
  GPtrArray      *action_steps;                 /* of GsSourcedText*, beside the upside */
  GPtrArray      *early_warnings;               /* of GsSourcedText*, beside the downside */
  GPtrArray      *items[GS_N_SIDES];            /* of GsItem* */
  GsSourcedText   suggestions[GS_N_SIDES];      /* for a weak upside / a strong downside */
} GsPoleContent;

typedef struct {
  const char     *id;
  GsPoleContent   poles[GS_N_POLES];
} GsPolarityRow;

typedef struct {
  const char     *title;
  const char     *labels[GS_N_POLES];           /* "Programmatic approach", … */
  GsSourcedText   greater_purpose;
  GsSourcedText   deeper_fear;
  GPtrArray      *rows;                         /* of GsPolarityRow* */
} GsPolarity;

typedef struct {
  const char     *id;
  const char     *name;
  const char     *description;
  GsSource        source;
  GPtrArray      *evidence_domains;             /* of GsDomain* */
  GPtrArray      *evidence_items;               /* of GsItem* */
} GsStage;

typedef struct {
  const char     *id;
  const char     *citation;
  const char     *short_citation;  /* "Bate et al. 2004", for the text; NULL: use citation */
} GsReference;

#define GS_TYPE_INSTRUMENT (gs_instrument_get_type ())
G_DECLARE_FINAL_TYPE (GsInstrument, gs_instrument, GS, INSTRUMENT, GObject)

GQuark               gs_instrument_error_quark        (void);

GsInstrument        *gs_instrument_load_default       (GError      **error);
GsInstrument        *gs_instrument_lookup             (const char   *id,
                                                       int           version,
                                                       GError      **error);
GsInstrument        *gs_instrument_resolve            (GsInstrument *given,
                                                       const char   *id,
                                                       int           version,
                                                       GError      **error);
GsInstrument        *gs_instrument_for_assessment     (GsInstrument *given,
                                                       GsAssessment *assessment,
                                                       GError      **error);
guint                gs_instrument_estimate_minutes   (GsInstrument *self);
guint                gs_instrument_get_n_parts        (GsInstrument *self);
GPtrArray           *gs_instrument_get_part           (GsInstrument *self,
                                                       guint         part,
                                                       char        **title,
                                                       const char  **description);
const char          *gs_instrument_stages_origin      (void);
GsInstrument        *gs_instrument_new_from_file      (const char   *path,
                                                       GError      **error);
GsInstrument        *gs_instrument_new_from_data      (const char   *data,
                                                       gssize        length,
                                                       const char   *name,
                                                       GError      **error);

const char          *gs_instrument_get_id             (GsInstrument *self);
int                  gs_instrument_get_version        (GsInstrument *self);
const char          *gs_instrument_get_title          (GsInstrument *self);
const char          *gs_instrument_get_english        (GsInstrument *self,
                                                       const char   *text);
GPtrArray           *gs_instrument_get_domains        (GsInstrument *self);
GPtrArray           *gs_instrument_get_items          (GsInstrument *self);
const GsDomain      *gs_instrument_lookup_domain      (GsInstrument *self,
                                                       const char   *id);
const GsItem        *gs_instrument_lookup_item        (GsInstrument *self,
                                                       const char   *id);
const GsPolarity    *gs_instrument_get_polarity       (GsInstrument *self);
gboolean             gs_instrument_has_polarity_text  (GsInstrument *self,
                                                       const char   *key);
char                *gs_polarity_text_key             (const GsPolarityRow *row,
                                                       GsPole        pole,
                                                       const char   *field,
                                                       guint         index);
GPtrArray           *gs_instrument_get_stages         (GsInstrument *self);
const char          *gs_instrument_get_stages_derivation (GsInstrument *self);
double               gs_instrument_get_stage_threshold (GsInstrument *self);
GPtrArray           *gs_instrument_get_references     (GsInstrument *self);
const GsReference   *gs_instrument_lookup_reference   (GsInstrument *self,
                                                       const char   *id);

G_END_DECLS
