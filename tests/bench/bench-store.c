/* bench-store.c — the store at scale: 1,000 assessments × 30 respondents × 60 items
 *
 * Generates 1.8 million answers (with SQL alone, as a bulk loader would), then measures what
 * a user waits for: opening the database, listing the assessments, loading and scoring one
 * assessment, and saving 1,000 answers one by one. Beside each figure is a baseline, the
 * same work done by plain SQL through the sqlite3 API with no Groundswell code around it,
 * run in this process on this database, and the ratio. Opening and listing are also
 * measured on an empty database: the aim is the same cost at both sizes.
 * Prints figures; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "core/gs-scoring.h"
#include "store/gs-store-private.h"
#include "gs-test-util.h"

#define N_ASSESSMENTS 1000
#define N_RESPONDENTS 30
#define N_ITEMS       60
#define REPEATS       7

typedef double (*Measure) (gpointer data);

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The median of REPEATS runs, in seconds. */
static double
median_of (Measure  measure,
           gpointer data)
{
  double times[REPEATS];

  for (guint i = 0; i < REPEATS; i++)
    times[i] = measure (data);
  return gs_test_median (times, REPEATS);
}

/* --- Opening --------------------------------------------------------------------------- */

static double
open_store (gpointer path)
{
  double start = now ();
  g_autoptr(GsStore) store = gs_store_open (path, NULL);
  double elapsed = now () - start;

  g_assert_nonnull (store);
  return elapsed;
}

static double
open_plain (gpointer path)
{
  double start = now ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  gs_test_exec (db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return now () - start;
}

/* --- Listing --------------------------------------------------------------------------- */

typedef struct {
  GsStore *store;
  sqlite3 *db;
} Both;

/* What the store does after any change: rebuild the assessments list model. */
static double
list_store (gpointer data)
{
  Both *both = data;
  double start = now ();

  gs_store_refresh_lists (both->store);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (both->store)), >, 0);
  return now () - start;
}

static double
list_plain (gpointer data)
{
  Both *both = data;
  double start = now ();
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  sqlite3_prepare_v2 (both->db,
    "SELECT a.id, a.uuid, o.id, o.name, a.title, a.assessed_on, a.instrument_id, a.n_answers,"
    "       a.n_respondents, a.instrument_version"
    "  FROM assessments a JOIN organisations o ON o.id = a.organisation_id"
    " WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.id DESC", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  return now () - start;
}

/* --- Loading and scoring one assessment ------------------------------------------------ */

typedef struct {
  GsStore      *store;
  sqlite3      *db;
  GsInstrument *instrument;
  gint64        assessment_id;
} LoadData;

static double
load_store (gpointer data)
{
  LoadData *load = data;
  double start = now ();
  g_autoptr(GsAssessment) assessment = gs_store_load_assessment (load->store, load->assessment_id, NULL);
  g_autoptr(GsResults) results = gs_results_compute (load->instrument, assessment, GS_DEFAULT_MIN_GROUP_SIZE);
  double elapsed = now () - start;

  g_assert_cmpuint (results->n_respondents, ==, N_RESPONDENTS);
  return elapsed;
}

/* The floor: read the same answers and average them, nothing else. */
static double
load_plain (gpointer data)
{
  LoadData *load = data;
  double start = now ();
  sqlite3_stmt *stmt = NULL;
  double sum = 0;
  guint n = 0;

  sqlite3_prepare_v2 (load->db,
    "SELECT r.uuid, r.name, r.group_name, a.item_id, a.status, a.value, a.note"
    "  FROM respondents r LEFT JOIN answers a ON a.respondent_id = r.id"
    " WHERE r.assessment_id = ? AND r.deleted_at IS NULL ORDER BY r.id", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, load->assessment_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sum += (sqlite3_column_int (stmt, 5) - 1) * 25.0;
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, N_RESPONDENTS * N_ITEMS);
  return now () - start + 0 * sum;
}

/* --- Saving answers one by one ---------------------------------------------------------- */

#define N_SAVES 1000

typedef struct {
  GsStore      *store;
  sqlite3      *db;
  GsInstrument *instrument;
  char         *respondent_uuid;
  gint64        respondent_id;
  guint         round;
} SaveData;

/* Each save changes the answer: SQLite skips rewriting a row that is byte for byte the
 * same, and a commit that writes nothing costs no sync, which would flatter both sides. */
static int
answer_value (guint i,
              guint round)
{
  return (int) ((i + i / N_ITEMS + round) % 5) + 1;
}

static double
save_store (gpointer data)
{
  SaveData *save = data;
  GPtrArray *items = gs_instrument_get_items (save->instrument);
  double start = now ();

  for (guint i = 0; i < N_SAVES; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i % N_ITEMS);
      if (!gs_store_save_answer (save->store, save->respondent_uuid, item->id, GS_ANSWER_VALUE,
                                 answer_value (i, save->round), "", NULL))
        g_error ("save failed");
    }
  save->round++;
  return (now () - start) / N_SAVES;
}

static double
save_plain (gpointer data)
{
  SaveData *save = data;
  GPtrArray *items = gs_instrument_get_items (save->instrument);
  sqlite3_stmt *stmt = NULL;
  double start = now ();

  sqlite3_prepare_v2 (save->db, "INSERT OR REPLACE INTO answers (respondent_id, item_id, status, value, note)"
                                " VALUES (?, ?, 'value', ?, '')", -1, &stmt, NULL);
  for (guint i = 0; i < N_SAVES; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i % N_ITEMS);

      gs_test_exec (save->db, "BEGIN IMMEDIATE");
      sqlite3_bind_int64 (stmt, 1, save->respondent_id);
      sqlite3_bind_text (stmt, 2, item->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, answer_value (i, save->round));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
      gs_test_exec (save->db, "COMMIT");
    }
  sqlite3_finalize (stmt);
  save->round++;
  return (now () - start) / N_SAVES;
}

static void
report (const char *what,
        double      groundswell,
        double      baseline)
{
  g_print ("  %-34s %10.3f ms   plain SQL %10.3f ms   ratio %6.2f\n",
           what, groundswell * 1000, baseline * 1000, groundswell / baseline);
}

static sqlite3 *
open_plain_connection (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  gs_test_exec (db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
  sqlite3_busy_timeout (db, 5000);
  return db;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (&error);
  g_autofree char *dir = g_dir_make_tmp ("gs-bench-store-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *big = g_build_filename (dir, "big.db", NULL);
  double start, empty_open, empty_list;
  g_autoptr(GsStore) store = NULL;
  sqlite3 *db;

  g_assert_no_error (error);

  /* The empty database first: the size-independent target. */
  g_clear_object (&store);
  store = gs_store_open (empty, &error);
  g_assert_no_error (error);
  {
    gint64 org = gs_store_add_organisation (store, "Tiny Trust", NULL);
    gs_store_add_assessment (store, org, "Only one", "2026-01-01", instrument, NULL);
    Both both = { store, NULL };
    g_clear_object (&store);
    empty_open = median_of (open_store, empty);
    store = gs_store_open (empty, NULL);
    both.store = store;
    empty_list = median_of (list_store, &both);
    g_clear_object (&store);
  }

  start = now ();
  gs_test_generate (big, instrument, 1, N_ASSESSMENTS, N_RESPONDENTS, N_ITEMS);
  g_print ("generated %d assessments × %d respondents × %d items = %d answers in %.1f s\n",
           N_ASSESSMENTS, N_RESPONDENTS, N_ITEMS, N_ASSESSMENTS * N_RESPONDENTS * N_ITEMS, now () - start);
  /* The first open makes the day's backup (a whole-file check and copy); time it apart. */
  start = now ();
  store = gs_store_open (big, &error);
  g_assert_no_error (error);
  g_print ("first open of the day (check + backup of the whole file): %.0f ms\n", (now () - start) * 1000);
  g_clear_object (&store);

  g_print ("median of %d runs\n", REPEATS);
  report ("open, empty database", empty_open, median_of (open_plain, empty));
  report ("open, 1.8 million answers", median_of (open_store, big), median_of (open_plain, big));

  store = gs_store_open (big, &error);
  db = open_plain_connection (big);
  {
    Both both = { store, db };
    Both empty_both = { NULL, open_plain_connection (empty) };
    report ("list, empty database", empty_list, median_of (list_plain, &empty_both));
    report ("list 1,000 assessments", median_of (list_store, &both), median_of (list_plain, &both));
    sqlite3_close (empty_both.db);
  }
  {
    LoadData load = { store, db, instrument, 500 };
    report ("load and score one assessment", median_of (load_store, &load), median_of (load_plain, &load));
  }
  {
    SaveData save = { store, db, instrument, NULL, 0, 0 };
    g_autoptr(GsAssessment) assessment = gs_store_load_assessment (store, 700, NULL);
    GsRespondent *respondent = g_ptr_array_index (gs_assessment_get_respondents (assessment), 0);

    save.respondent_uuid = respondent->uuid;
    save.respondent_id = gs_store_find_respondent (store, respondent->uuid);
    double store_time = median_of (save_store, &save);
    report ("save one answer (of 1,000)", store_time, median_of (save_plain, &save));
  }
  sqlite3_close (db);
  g_clear_object (&store);
  gs_test_remove_tree (dir);
  return 0;
}
