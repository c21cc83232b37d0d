/* em-report-procedure.c — the state of a case and what happened to it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part every summary shares: the state in words, the dated history of
 * the procedure (who did what, and why when a reason was given), who
 * evaluated it and when, and the exact rule set or tarifario file (its
 * SHA-256), so the decision can be reproduced and defended.
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-report-private.h"

/* A long history keeps its first event and its latest ones. */
#define MAX_EVENTS 8

static const EmColumn history_columns[] = {
  { 0, 0.20, PANGO_ALIGN_LEFT }, { 0.20, 0.27, PANGO_ALIGN_LEFT },
  { 0.47, 0.20, PANGO_ALIGN_LEFT }, { 0.67, 0.33, PANGO_ALIGN_LEFT },
};

static const char *
event_words (const char *kind)
{
  EmCaseAction action;

  if (g_strcmp0 (kind, "creado") == 0)
    return _("Evaluación registrada");
  if (g_strcmp0 (kind, "importado") == 0)
    return _("Traído de otro equipo");
  return em_case_action_parse (kind, &action) ? em_case_action_describe (action) : kind;
}

static void
draw_event (EmPen *pen, const EmColumn *columns, const EmReportEvent *event)
{
  g_autofree char *when = em_report_format_time (event->at);
  const char *cells[] = { when, event_words (event->kind), event->evaluator, event->reason ? event->reason : "" };

  em_pen_row (pen, columns, G_N_ELEMENTS (cells), EM_FONT_LABEL, cells);
  em_pen_rule (pen, pen->x, pen->y, pen->width, 0.3, &em_color_rule);
}

static void
draw_gap (EmPen *pen, const EmColumn *columns, guint skipped, gint64 id)
{
  g_autofree char *text = g_strdup_printf (_("… %u actuaciones más (vea «casos mostrar %ld»)"), skipped, (long) id);
  const char *cells[] = { "", text, "", "" };

  em_pen_row (pen, columns, G_N_ELEMENTS (cells), EM_FONT_LABEL, cells);
}

static void
draw_history (EmPen *pen, const EmReportCase *data)
{
  const char *titles[] = { _("Fecha y hora"), _("Actuación"), _("Responsable"), _("Motivo o detalle") };
  EmColumn columns[G_N_ELEMENTS (history_columns)];
  guint n = data->events->len;
  guint skip_from = n > MAX_EVENTS ? 1 : n, skip_to = n > MAX_EVENTS ? n - (MAX_EVENTS - 1) : n;

  em_pen_columns (pen, history_columns, columns, G_N_ELEMENTS (columns));
  em_pen_table_header (pen, columns, G_N_ELEMENTS (titles), EM_FONT_LABEL, titles);
  for (guint i = 0; i < n; i++)
    {
      if (i == skip_from && skip_to > skip_from)
        draw_gap (pen, columns, skip_to - skip_from, data->id);
      if (i < skip_from || i >= skip_to)
        draw_event (pen, columns, &g_array_index (data->events, EmReportEvent, i));
    }
}

static char *
evaluation_line (const EmReportCase *data)
{
  g_autofree char *when = em_report_format_time (data->row.created);

  return g_strdup_printf (_("Evaluado por %s el %s (hora local)."), data->row.evaluator ? data->row.evaluator : "—",
                          when);
}

static char *
rules_line (const EmReportCase *data)
{
  const char *what = data->kind == EM_CASE_KIND_CAPACIDAD ? _("Conjunto de reglas") : _("Tarifario");

  return g_strdup_printf (_("%s «%s», archivo con SHA-256 %s."), what, data->row.rules_id ? data->row.rules_id : "—",
                          data->row.rules_sha256 ? data->row.rules_sha256 : "—");
}

void
em_report_draw_procedure (EmPen              *pen,
                          const EmReportCase *data)
{
  g_autofree char *state = g_strdup_printf (_("Estado del caso: %s"), em_case_state_describe (data->state));
  g_autofree char *evaluated = evaluation_line (data);
  g_autofree char *rules = rules_line (data);

  em_pen_section (pen, _("Estado y trámite del caso"));
  em_pen_paragraph (pen, EM_FONT_BODY_BOLD, &em_color_text, state);
  pen->y += 2 * pen->scale;
  draw_history (pen, data);
  pen->y += 4 * pen->scale;
  em_pen_paragraph (pen, EM_FONT_BODY, &em_color_text, evaluated);
  em_pen_paragraph (pen, EM_FONT_SMALL, &em_color_label, rules);
}
