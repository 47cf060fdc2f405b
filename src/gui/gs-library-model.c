/* gs-library-model.c — the assessments as the library lists them: by organisation, searchable
 *
 * The store keeps one list of assessments, newest first. The library shows it grouped by
 * organisation (alphabetically, each headed by its name) and, within one, newest first,
 * so that a consultant with several client trusts finds each trust's history together.
 * Typing filters by organisation or title, ignoring case.
 *
 * GTK 4.8 has no list sections, so the headings are items of the model itself: one flat
 * list of GsLibraryEntry (heading, assessment, assessment, heading, …) that a GtkListView
 * shows without creating a widget for what is off screen. A consultant's 2,000 assessments
 * cost a sort of 2,000 keys, computed once per assessment, not 2,000 rows of widgets.
 *
 * A change (a search keystroke, a saved answer refreshing one summary) is reported as the
 * one span of entries between the unchanged start and the unchanged end, so the view keeps
 * its scroll position and its focus.
 *
 * Why headings rather than a separate sidebar of organisations: most users have one
 * organisation, and a consultant a handful; one list keeps every assessment one click
 * away at any width, where a sidebar would need a second click and fold away below
 * 720 px anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-library"

#include "config.h"

#include <string.h>

#include "gs-library-model.h"

/* --- GsLibraryEntry ------------------------------------------------------------------ */

struct _GsLibraryEntry
{
  GObject              parent_instance;

  GsAssessmentSummary *summary;    /* for a heading: the group's first assessment shown */
  gboolean             heading;
  gboolean             group_start;  /* the first assessment shown of its organisation */
  gboolean             group_end;    /* the last */
};

G_DEFINE_FINAL_TYPE (GsLibraryEntry, gs_library_entry, G_TYPE_OBJECT)

static void
gs_library_entry_finalize (GObject *object)
{
  g_clear_object (&GS_LIBRARY_ENTRY (object)->summary);

  G_OBJECT_CLASS (gs_library_entry_parent_class)->finalize (object);
}

static void
gs_library_entry_class_init (GsLibraryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gs_library_entry_finalize;
}

static void
gs_library_entry_init (GsLibraryEntry *self)
{
}

static GsLibraryEntry *
gs_library_entry_new (GsAssessmentSummary *summary,
                      gboolean             heading,
                      gboolean             group_start,
                      gboolean             group_end)
{
  GsLibraryEntry *self = g_object_new (GS_TYPE_LIBRARY_ENTRY, NULL);

  self->summary = g_object_ref (summary);
  self->heading = heading;
  self->group_start = group_start;
  self->group_end = group_end;
  return self;
}

gboolean
gs_library_entry_is_heading (GsLibraryEntry *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_ENTRY (self), FALSE);
  return self->heading;
}

/**
 * gs_library_entry_get_summary:
 *
 * Returns: (transfer none): the assessment; for a heading, the first assessment shown of
 *   the organisation, whose organisation name and id the heading shows
 */
GsAssessmentSummary *
gs_library_entry_get_summary (GsLibraryEntry *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_ENTRY (self), NULL);
  return self->summary;
}

gboolean
gs_library_entry_is_group_start (GsLibraryEntry *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_ENTRY (self), FALSE);
  return self->group_start;
}

gboolean
gs_library_entry_is_group_end (GsLibraryEntry *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_ENTRY (self), FALSE);
  return self->group_end;
}

/* --- GsLibraryModel ------------------------------------------------------------------ */

/* An assessment with what sorting and searching need, computed once. */
typedef struct {
  GsAssessmentSummary *summary;
  char                *organisation_key;  /* g_utf8_collate_key of the organisation's name */
  char                *folded;            /* organisation and title, case-folded, for search: made
                                             * at the first search (sorted_folded ()), not at start-up */
} Sorted;

struct _GsLibraryModel
{
  GObject     parent_instance;

  GListModel *assessments;  /* the store's, newest first */
  GArray     *sorted;       /* of Sorted, in library order */
  char       *needle;       /* the search, case-folded; "" shows everything */
  GPtrArray  *entries;      /* of GsLibraryEntry: what the list shows */
  guint       n_shown;      /* assessments among the entries */
};

static void gs_library_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GsLibraryModel, gs_library_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, gs_library_model_list_model_init))

static void
sorted_clear (gpointer data)
{
  Sorted *row = data;

  g_clear_object (&row->summary);
  g_clear_pointer (&row->organisation_key, g_free);
  g_clear_pointer (&row->folded, g_free);
}

/* @keys: organisation name → its collation key, so that an organisation's ten assessments
 * cost one key, not ten */
static void
sorted_init (Sorted              *row,
             GsAssessmentSummary *summary,
             GHashTable          *keys)
{
  const char *organisation = gs_assessment_summary_get_organisation_name (summary);
  const char *key = g_hash_table_lookup (keys, organisation);

  if (key == NULL)
    g_hash_table_insert (keys, (gpointer) organisation, (gpointer) (key = g_utf8_collate_key (organisation, -1)));
  row->summary = g_object_ref (summary);
  row->organisation_key = g_strdup (key);
}

/* What a search looks in, folded when first searched: folding 2,000 titles was more than
 * half of sorting the library as the window opened. */
static const char *
sorted_folded (Sorted *row)
{
  if (row->folded == NULL)
    {
      g_autofree char *both = g_strconcat (gs_assessment_summary_get_organisation_name (row->summary), "\n",
                                           gs_assessment_summary_get_title (row->summary), NULL);

      row->folded = g_utf8_casefold (both, -1);
    }
  return row->folded;
}

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  const Sorted *x = a, *y = b;
  gint64 x_org = gs_assessment_summary_get_organisation_id (x->summary);
  gint64 y_org = gs_assessment_summary_get_organisation_id (y->summary);
  int order;

  if ((order = strcmp (x->organisation_key, y->organisation_key)) != 0)
    return order;
  /* Two organisations may share a name: each keeps its own group. */
  if (x_org != y_org)
    return x_org < y_org ? -1 : 1;
  if ((order = g_strcmp0 (gs_assessment_summary_get_date (y->summary), gs_assessment_summary_get_date (x->summary))) != 0)
    return order;
  return g_utf8_collate (gs_assessment_summary_get_title (x->summary), gs_assessment_summary_get_title (y->summary));
}

/* Re-sorts the store's list. Keys are kept for the summaries still there (the store replaces
 * only the summary that changed), so a saved answer costs one key, not one per assessment. */
static void
resort (GsLibraryModel *self)
{
  g_autoptr(GHashTable) known = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GArray *sorted = g_array_new (FALSE, TRUE, sizeof (Sorted));
  guint n = g_list_model_get_n_items (self->assessments);

  g_array_set_clear_func (sorted, sorted_clear);
  for (guint i = 0; i < self->sorted->len; i++)
    g_hash_table_insert (known, g_array_index (self->sorted, Sorted, i).summary, &g_array_index (self->sorted, Sorted, i));
  g_array_set_size (sorted, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GsAssessmentSummary) summary = g_list_model_get_item (self->assessments, i);
      Sorted *old = g_hash_table_lookup (known, summary);
      Sorted *row = &g_array_index (sorted, Sorted, i);

      if (old != NULL)
        {
          *row = *old;  /* moved: the old array gives up its references */
          memset (old, 0, sizeof *old);
        }
      else
        sorted_init (row, summary, keys);
    }
  g_array_sort (sorted, compare_sorted);
  g_array_unref (self->sorted);
  self->sorted = sorted;
}

static gboolean
same_organisation (GsAssessmentSummary *a,
                   GsAssessmentSummary *b)
{
  return gs_assessment_summary_get_organisation_id (a) == gs_assessment_summary_get_organisation_id (b);
}

static gboolean
same_entry (GsLibraryEntry *a,
            GsLibraryEntry *b)
{
  return a->summary == b->summary && a->heading == b->heading &&
         a->group_start == b->group_start && a->group_end == b->group_end;
}

/* The entries the search lets through, with a heading above each organisation's first. */
static GPtrArray *
filtered_entries (GsLibraryModel *self,
                  guint          *n_shown)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  for (guint i = 0; i < self->sorted->len; i++)
    {
      Sorted *row = &g_array_index (self->sorted, Sorted, i);

      if (*self->needle == '\0' || strstr (sorted_folded (row), self->needle) != NULL)
        g_ptr_array_add (shown, row->summary);
    }
  for (guint i = 0; i < shown->len; i++)
    {
      GsAssessmentSummary *summary = g_ptr_array_index (shown, i);
      GsAssessmentSummary *next = i + 1 < shown->len ? g_ptr_array_index (shown, i + 1) : NULL;

      gboolean first = i == 0 || !same_organisation (g_ptr_array_index (shown, i - 1), summary);
      gboolean last = next == NULL || !same_organisation (next, summary);

      if (first)
        g_ptr_array_add (entries, gs_library_entry_new (summary, TRUE, FALSE, FALSE));
      g_ptr_array_add (entries, gs_library_entry_new (summary, FALSE, first, last));
    }
  *n_shown = shown->len;
  return entries;
}

/* Puts the new entries in place and reports the one span that differs; entries that did
 * not change stay the same objects, so their rows are not rebound. */
static void
update_entries (GsLibraryModel *self)
{
  g_autoptr(GPtrArray) fresh = filtered_entries (self, &self->n_shown);
  GPtrArray *old = self->entries;
  guint start = 0, end = 0, removed, added;

  while (start < old->len && start < fresh->len &&
         same_entry (g_ptr_array_index (old, start), g_ptr_array_index (fresh, start)))
    start++;
  while (end < old->len - start && end < fresh->len - start &&
         same_entry (g_ptr_array_index (old, old->len - 1 - end), g_ptr_array_index (fresh, fresh->len - 1 - end)))
    end++;
  removed = old->len - start - end;
  added = fresh->len - start - end;
  if (removed == 0 && added == 0)
    return;

  g_ptr_array_remove_range (old, start, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (old, (int) (start + i), g_object_ref (g_ptr_array_index (fresh, start + i)));
  g_list_model_items_changed (G_LIST_MODEL (self), start, removed, added);
}

static void
assessments_changed_cb (GListModel     *assessments,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GsLibraryModel *self)
{
  resort (self);
  update_entries (self);
}

static GType
gs_library_model_get_item_type (GListModel *model)
{
  return GS_TYPE_LIBRARY_ENTRY;
}

static guint
gs_library_model_get_n_items (GListModel *model)
{
  return GS_LIBRARY_MODEL (model)->entries->len;
}

static gpointer
gs_library_model_get_item (GListModel *model,
                           guint       position)
{
  GsLibraryModel *self = GS_LIBRARY_MODEL (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
gs_library_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gs_library_model_get_item_type;
  iface->get_n_items = gs_library_model_get_n_items;
  iface->get_item = gs_library_model_get_item;
}

static void
gs_library_model_dispose (GObject *object)
{
  GsLibraryModel *self = GS_LIBRARY_MODEL (object);

  if (self->assessments != NULL)
    g_signal_handlers_disconnect_by_func (self->assessments, assessments_changed_cb, self);
  g_clear_object (&self->assessments);

  G_OBJECT_CLASS (gs_library_model_parent_class)->dispose (object);
}

static void
gs_library_model_finalize (GObject *object)
{
  GsLibraryModel *self = GS_LIBRARY_MODEL (object);

  g_clear_pointer (&self->sorted, g_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (gs_library_model_parent_class)->finalize (object);
}

static void
gs_library_model_class_init (GsLibraryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gs_library_model_dispose;
  object_class->finalize = gs_library_model_finalize;
}

static void
gs_library_model_init (GsLibraryModel *self)
{
  self->sorted = g_array_new (FALSE, TRUE, sizeof (Sorted));
  g_array_set_clear_func (self->sorted, sorted_clear);
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->needle = g_strdup ("");
}

/**
 * gs_library_model_new:
 * @assessments: the store's list of #GsAssessmentSummary; followed as it changes
 *
 * Returns: (transfer full): the library's entries
 */
GsLibraryModel *
gs_library_model_new (GListModel *assessments)
{
  GsLibraryModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (assessments), NULL);

  self = g_object_new (GS_TYPE_LIBRARY_MODEL, NULL);
  self->assessments = g_object_ref (assessments);
  g_signal_connect (assessments, "items-changed", G_CALLBACK (assessments_changed_cb), self);
  resort (self);
  update_entries (self);
  return self;
}

/* Shows only the assessments whose organisation or title contains @text, ignoring case. */
void
gs_library_model_set_search (GsLibraryModel *self,
                             const char     *text)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (GS_IS_LIBRARY_MODEL (self));

  needle = g_utf8_casefold (text != NULL ? text : "", -1);
  if (g_str_equal (needle, self->needle))
    return;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  update_entries (self);
}

/* The number of assessments shown (headings not counted). */
guint
gs_library_model_get_n_shown (GsLibraryModel *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_MODEL (self), 0);
  return self->n_shown;
}

/**
 * gs_library_model_get_assessment:
 * @n: counts assessments only, from 0, in the order shown
 *
 * Returns: (transfer none) (nullable): the @n-th assessment shown
 */
GsAssessmentSummary *
gs_library_model_get_assessment (GsLibraryModel *self,
                                 guint           n)
{
  g_return_val_if_fail (GS_IS_LIBRARY_MODEL (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      GsLibraryEntry *entry = g_ptr_array_index (self->entries, i);

      if (!entry->heading && n-- == 0)
        return entry->summary;
    }
  return NULL;
}
