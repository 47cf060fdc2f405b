/* bench-data.c — databases at the scale consultants reach, made with SQL alone
 *
 * One transaction, a recursive CTE per table, as a bulk loader would: 4.9 million answers
 * in well under a minute. The counting trigger is set aside during the load and the counts
 * set once at the end. Assessments are spread over the organisations, several per
 * organisation, dated a few days apart; every respondent answers @n_items items 1–5.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-data.h"
#include "store/gs-store.h"

void
gs_bench_exec (sqlite3    *db,
               const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
first_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

void
gs_bench_generate (const char   *path,
                   GsInstrument *instrument,
                   guint         n_organisations,
                   guint         n_assessments,
                   guint         n_respondents,
                   guint         n_items)
{
  g_autoptr(GsStore) store = gs_store_open (path, NULL);
  GPtrArray *items = gs_instrument_get_items (instrument);
  g_autoptr(GString) item_values = g_string_new (NULL);
  g_autofree char *trigger_sql = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_assert_nonnull (store);
  g_assert_cmpuint (n_items, <=, items->len);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  gs_bench_exec (db, "BEGIN");
  trigger_sql = first_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'answers_counted'");
  gs_bench_exec (db, "DROP TRIGGER answers_counted");

  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                         " INSERT INTO organisations (uuid, name)"
                         " SELECT printf ('00000000-0000-4000-8000-%%012d', i),"
                         "        printf ('Bench Trust %%04d — Ysbyty Cymuned / مستشفى', i) FROM n", n_organisations);
  gs_bench_exec (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                         " INSERT INTO assessments (uuid, organisation_id, title, assessed_on, instrument_id, instrument_version)"
                         " SELECT printf ('00000000-0000-4000-a000-%%012d', i), 1 + (i - 1) %% %u, 'Assessment ' || i,"
                         "        date ('2020-01-01', '+' || i || ' days'), 'movement-readiness', 1 FROM n",
                         n_assessments, n_organisations);
  gs_bench_exec (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                         " INSERT INTO respondents (uuid, assessment_id, name, group_name)"
                         " SELECT printf ('00000000-0000-4000-9000-%%012d', i), (i - 1) / %u + 1, 'R' || i,"
                         "        CASE i %% 3 WHEN 0 THEN 'Board' WHEN 1 THEN 'Managers' ELSE 'Front line' END FROM n",
                         n_assessments * n_respondents, n_respondents);
  gs_bench_exec (db, sql);
  g_free (sql);
  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (item_values, "%s('%s')", i > 0 ? "," : "",
                            ((const GsItem *) g_ptr_array_index (items, i))->id);
  sql = g_strdup_printf ("WITH items(item_id) AS (VALUES %s)"
                         " INSERT INTO answers (respondent_id, item_id, status, value)"
                         " SELECT r.id, items.item_id, 'value', 1 + (r.id * 7 + unicode (items.item_id)) %% 5"
                         "   FROM respondents r, items", item_values->str);
  gs_bench_exec (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE assessments SET n_answers = %u", n_respondents * n_items);
  gs_bench_exec (db, sql);
  gs_bench_exec (db, trigger_sql);
  gs_bench_exec (db, "COMMIT");
  sqlite3_close (db);
  gs_bench_remove_backups (path);
}

/* Makes the next opening the first of the day: the one that checks and backs up. */
void
gs_bench_remove_backups (const char *path)
{
  g_autoptr(GPtrArray) backups = gs_store_list_backups (path);

  for (guint i = 0; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
}
