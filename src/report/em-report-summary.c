/* em-report-summary.c — the one-page summary of a case: its frame
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The heading (agency, kind of evaluation, the norm applied, case number),
 * the body of the kind (em-report-capacity.c, em-report-tariff.c), the
 * procedure (state, history, evaluator), and at the foot of the page the
 * verification code with how to check it.  An annulled case carries
 * ANULADO across the page and its reason at the top; a tariff computed with
 * a tarifario that is not official carries ILUSTRATIVO — NO OFICIAL.
 *
 * One page always: the body is measured first, and drawn a little smaller
 * until it fits above the code (never below 70 %; beyond that, what does
 * not fit is cut, never drawn over the code).
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-report-private.h"

#define MIN_SCALE   0.70
#define SCALE_STEP  0.95

/* ---- Heading ---------------------------------------------------------- */

static gboolean
is_unofficial (const EmReportCase *data)
{
  gboolean official = TRUE;

  return data->kind == EM_CASE_KIND_TARIFA && em_report_json_bool (data->result, "oficial", &official) && !official;
}

/* The rule set's or tarifario's name (or id, when not built in). */
static char *
norm_line (const EmReportCase *data)
{
  const char *id = data->row.rules_id ? data->row.rules_id : "";

  if (data->kind == EM_CASE_KIND_CAPACIDAD)
    return data->rules_name ? g_strdup (data->rules_name) : g_strdup_printf (_("Conjunto de reglas «%s»"), id);
  return data->rules_name ? g_strdup (data->rules_name) : g_strdup_printf (_("Tarifario «%s»"), id);
}

static void
draw_heading (EmPen *pen, const EmReportCase *data)
{
  g_autofree char *number = g_strdup_printf (_("Caso n.º %ld"), (long) data->id);
  g_autofree char *norm = norm_line (data);
  const char *title = data->kind == EM_CASE_KIND_CAPACIDAD ? _("Evaluación de capacidad económica")
                                                            : _("Tarifa de inspección de fiscalización");
  double right = 120 * pen->scale;

  em_pen_text_at (pen, EM_FONT_BODY_BOLD, &em_color_text, number, pen->x + pen->width - right, pen->y + 2 * pen->scale,
                  right, PANGO_ALIGN_RIGHT);
  pen->y += em_pen_text_at (pen, EM_FONT_TITLE, &em_color_accent, _("Agencia Nacional de Minería"), pen->x, pen->y,
                            pen->width - right, PANGO_ALIGN_LEFT);
  pen->y += em_pen_text_at (pen, EM_FONT_SUBTITLE, &em_color_text, title, pen->x, pen->y,
                            pen->width - right, PANGO_ALIGN_LEFT);
  pen->y += 1 * pen->scale;
  if (is_unofficial (data))
    pen->y += em_pen_text_at (pen, EM_FONT_BODY_BOLD, &em_color_bad,
                              _("ILUSTRATIVO — NO OFICIAL: calculado con un tarifario que no es oficial"),
                              pen->x, pen->y, pen->width - right, PANGO_ALIGN_LEFT);
  em_pen_paragraph (pen, EM_FONT_LABEL, &em_color_label, norm);
  pen->y += 3 * pen->scale;
  em_pen_rule (pen, pen->x, pen->y, pen->width, 0.8, &em_color_accent);
  pen->y += 4 * pen->scale;
}

/* ---- Annulment -------------------------------------------------------- */

static const EmReportEvent *
find_event (const EmReportCase *data, const char *kind)
{
  for (guint i = data->events->len; i > 0; i--)
    {
      const EmReportEvent *event = &g_array_index (data->events, EmReportEvent, i - 1);
      if (g_strcmp0 (event->kind, kind) == 0)
        return event;
    }
  return NULL;
}

static void
draw_annulment (EmPen *pen, const EmReportCase *data)
{
  const EmReportEvent *event = find_event (data, em_case_action_to_string (EM_CASE_ACTION_ANULAR));
  g_autofree char *when = event ? em_report_format_time (event->at) : NULL;
  g_autofree char *head = when ? g_strdup_printf (_("CASO ANULADO el %s por %s"), when, event->evaluator)
                               : g_strdup (_("CASO ANULADO"));
  g_autofree char *reason = g_strdup_printf (_("Motivo: %s"), data->row.annulment_reason ? data->row.annulment_reason
                                                                                          : _("no consta"));

  pen->y += 4 * pen->scale;
  em_pen_band (pen, EM_FONT_BODY_BOLD, head, reason, &em_color_bad);
}

/* ---- Body ------------------------------------------------------------- */

static double
draw_body (EmPen *pen, const EmReportCase *data)
{
  draw_heading (pen, data);
  if (data->state == EM_CASE_STATE_ANULADO)
    draw_annulment (pen, data);
  if (data->kind == EM_CASE_KIND_CAPACIDAD)
    em_report_draw_capacity (pen, data);
  else
    em_report_draw_tariff (pen, data);
  em_report_draw_procedure (pen, data);
  return pen->y;
}

/* The largest scale (1, 0.95, 0.90…) at which the body ends above
 * @bottom, and where it ends at that scale. */
static double
fitting_scale (const EmReportCase *data, EmPenLayouts *kept, double width, double bottom, double *end)
{
  double scale = 1.0;

  for (;;)
    {
      EmPen pen;

      em_pen_init_kept (&pen, NULL, kept, EM_REPORT_MARGIN, width - 2 * EM_REPORT_MARGIN, EM_REPORT_MARGIN);
      pen.scale = scale;
      *end = draw_body (&pen, data);
      em_pen_clear (&pen);
      if (*end <= bottom || scale * SCALE_STEP < MIN_SCALE)
        return scale;
      scale *= SCALE_STEP;
    }
}

/* ---- Foot: the verification code -------------------------------------- */

static char *
verify_line (const EmReportCase *data)
{
  /* Translators: the command and the menu path are literal. */
  return g_strdup_printf (_("Verifique este resumen con: evaluador-minero-cli casos verificar --codigo %s, "
                            "o en la aplicación, Casos › Verificar código. Si el caso cambia después de "
                            "impreso, el código deja de corresponder a su estado actual."), data->code);
}

static char *
footer_line (const EmReportCase *data)
{
  g_autofree char *printed = em_report_format_local (data->printed_at);

  return g_strdup_printf (_("Evaluador Minero %s · Impreso el %s · Página 1 de 1"), PACKAGE_VERSION, printed);
}

/* Draws the foot up from @bottom (or only measures it); returns its top. */
static double
draw_foot (cairo_t *cr, EmPenLayouts *kept, const EmReportCase *data, double width, double bottom)
{
  g_autofree char *verify = verify_line (data);
  g_autofree char *footer = footer_line (data);
  EmPen pen;
  double code_width = 150, text_x, top, height;

  em_pen_init_kept (&pen, NULL, kept, EM_REPORT_MARGIN, width - 2 * EM_REPORT_MARGIN, 0);
  text_x = pen.x + code_width + 12;
  height = MAX (em_pen_line_height (&pen, EM_FONT_SECTION) + em_pen_line_height (&pen, EM_FONT_CODE),
                em_pen_text_at (&pen, EM_FONT_SMALL, &em_color_text, verify, 0, 0, pen.x + pen.width - text_x,
                                PANGO_ALIGN_LEFT));
  height += 8 + em_pen_line_height (&pen, EM_FONT_SMALL) + 6;
  top = bottom - height;
  pen.cr = cr;
  pen.y = top;
  if (cr != NULL)
    {
      em_pen_rule (&pen, pen.x, pen.y, pen.width, 0.8, &em_color_accent);
      pen.y += 6;
      em_pen_text_at (&pen, EM_FONT_SMALL, &em_color_text, verify, text_x, pen.y + 1, pen.x + pen.width - text_x,
                      PANGO_ALIGN_LEFT);
      pen.y += em_pen_text_at (&pen, EM_FONT_SECTION, &em_color_accent, _("Código de verificación"), pen.x, pen.y,
                               code_width, PANGO_ALIGN_LEFT);
      em_pen_text_at (&pen, EM_FONT_CODE, &em_color_text, data->code, pen.x, pen.y, -1, PANGO_ALIGN_LEFT);
      em_pen_text_at (&pen, EM_FONT_SMALL, &em_color_label, footer, pen.x, bottom - em_pen_line_height (&pen, EM_FONT_SMALL),
                      pen.width, PANGO_ALIGN_LEFT);
    }
  em_pen_clear (&pen);
  return top;
}

/* ---- Marks across the page -------------------------------------------- */

static void
draw_marks (cairo_t *cr, const EmReportCase *data, double width, double height)
{
  if (data->state == EM_CASE_STATE_ANULADO)
    em_pen_mark (cr, width, height, _("ANULADO"), &em_color_bad);
  else if (is_unofficial (data))
    em_pen_mark (cr, width, height, _("ILUSTRATIVO — NO OFICIAL"), &em_color_bad);
}

static void
summary_layout (const EmReportCase *data,
                EmPenLayouts       *kept,
                double              width,
                double              height,
                EmSummaryLayout    *layout)
{
  layout->foot_top = draw_foot (NULL, kept, data, width, height - EM_REPORT_MARGIN * 0.75);
  layout->body_bottom = layout->foot_top - 8;
  layout->scale = fitting_scale (data, kept, width, layout->body_bottom, &layout->body_end);
}

/* Where the parts of the summary go on a page of @width × @height. */
void
em_report_summary_layout (const EmReportCase *data,
                          double              width,
                          double              height,
                          EmSummaryLayout    *layout)
{
  summary_layout (data, em_pen_layouts_of_thread (), width, height, layout);
}

void
em_report_draw_case (cairo_t            *cr,
                     double              width,
                     double              height,
                     const EmReportCase *data)
{
  EmPenLayouts *kept = em_pen_layouts_of_thread ();
  EmSummaryLayout layout;
  EmPen pen;

  g_return_if_fail (cr != NULL && data != NULL);

  /* Measured, then drawn with the same layouts (and the texts that
   * repeat from the summaries before, in this thread). */
  summary_layout (data, kept, width, height, &layout);
  g_debug ("case %ld: body at %.0f %%, ends at %.1f of %.1f", (long) data->id, layout.scale * 100, layout.body_end,
           layout.body_bottom);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, layout.body_bottom);
  cairo_clip (cr);
  em_pen_init_kept (&pen, cr, kept, EM_REPORT_MARGIN, width - 2 * EM_REPORT_MARGIN, EM_REPORT_MARGIN);
  pen.scale = layout.scale;
  draw_body (&pen, data);
  em_pen_clear (&pen);
  cairo_restore (cr);
  draw_foot (cr, kept, data, width, height - EM_REPORT_MARGIN * 0.75);
  draw_marks (cr, data, width, height);
}

/* ---- PDF -------------------------------------------------------------- */

gboolean
em_report_case_write_pdf (const EmReportCase  *data,
                          const char          *path,
                          EmPaper              paper,
                          GError             **error)
{
  g_autoptr(EmReportOutput) output = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if ((output = em_report_output_open (path, error)) == NULL)
    return FALSE;
  em_paper_get_size (paper, &width, &height);
  surface = em_report_output_pdf (output, paper);
  title = em_report_case_get_title (data);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  em_report_draw_case (cr, width, height, data);
  cairo_show_page (cr);
  cairo_destroy (cr);
  return em_report_output_pdf_finish (output, surface, error) && em_report_output_commit (output, error);
}

gboolean
em_report_write_case_pdf (EmCaseStore  *store,
                          gint64        id,
                          const char   *path,
                          EmPaper       paper,
                          GError      **error)
{
  g_autoptr(EmReportCase) data = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = em_report_case_new_from_store (store, id, error);
  return data != NULL && em_report_case_write_pdf (data, path, paper, error);
}
