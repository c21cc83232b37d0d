/* em-report-private.h — what the report's files share: the pen, the case
 * data, the safe output
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include "em-report.h"

G_BEGIN_DECLS

/* ---- Page geometry ---------------------------------------------------- */

#define EM_REPORT_MARGIN      56.7     /* 2 cm */
#define EM_REPORT_CM          28.35

/* ---- Type and colour -------------------------------------------------- */

typedef enum
{
  EM_FONT_TITLE,        /* the agency, the document's name */
  EM_FONT_SUBTITLE,
  EM_FONT_SECTION,      /* upper case, spaced, grey */
  EM_FONT_BODY,
  EM_FONT_BODY_BOLD,
  EM_FONT_LABEL,        /* the grey label of a value */
  EM_FONT_SMALL,
  EM_FONT_VERDICT,      /* the verdict in large type */
  EM_FONT_CODE,         /* the verification code */
  EM_FONT_TABLE,        /* condensed, for the case list */
  EM_FONT_TABLE_BOLD,
  EM_FONT_TABLE_HEAD,   /* condensed, wrapping: the case list's titles */
  EM_FONT_MARK,         /* ANULADO, ILUSTRATIVO across the page */
  EM_N_FONTS,
} EmFont;

typedef struct
{
  double r, g, b;
} EmColor;

extern const EmColor em_color_text;
extern const EmColor em_color_label;
extern const EmColor em_color_rule;
extern const EmColor em_color_accent;
extern const EmColor em_color_good;
extern const EmColor em_color_bad;
extern const EmColor em_color_warn;
extern const EmColor em_color_shade;

/* ---- The pen: text and rules down a column ---------------------------- */

/* Layouts kept from measuring a page to drawing it (em_pen_init_kept). */
typedef struct _EmPenLayouts EmPenLayouts;

typedef struct
{
  cairo_t      *cr;         /* NULL: measure only */
  PangoContext *context;    /* 72 dpi: one font point is one user unit */
  double        scale;      /* font scale (< 1 squeezes a summary onto its page) */
  double        x;          /* the column */
  double        width;
  double        y;          /* top of the next line */
  EmPenLayouts *kept;       /* borrowed; NULL: every text laid out anew */
} EmPen;

typedef struct
{
  double         x;         /* from the column's left */
  double         width;
  PangoAlignment align;
} EmColumn;

void         em_pen_init          (EmPen           *pen,
                                   cairo_t         *cr,
                                   double           x,
                                   double           width,
                                   double           y);
void         em_pen_init_kept     (EmPen           *pen,
                                   cairo_t         *cr,
                                   EmPenLayouts    *kept,
                                   double           x,
                                   double           width,
                                   double           y);
void         em_pen_clear         (EmPen           *pen);
EmPenLayouts *em_pen_layouts_new  (void);
void         em_pen_layouts_free  (EmPenLayouts    *kept);
EmPenLayouts *em_pen_layouts_of_thread (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmPenLayouts, em_pen_layouts_free)
PangoLayout *em_pen_layout        (EmPen           *pen,
                                   EmFont           font,
                                   const char      *text,
                                   double           width,
                                   PangoAlignment   align);
double       em_pen_text_at       (EmPen           *pen,
                                   EmFont           font,
                                   const EmColor   *color,
                                   const char      *text,
                                   double           x,
                                   double           y,
                                   double           width,
                                   PangoAlignment   align);
double       em_pen_line_height   (EmPen           *pen,
                                   EmFont           font);
void         em_pen_paragraph     (EmPen           *pen,
                                   EmFont           font,
                                   const EmColor   *color,
                                   const char      *text);
void         em_pen_bullet        (EmPen           *pen,
                                   const char      *text);
void         em_pen_section       (EmPen           *pen,
                                   const char      *title);
void         em_pen_space         (EmPen           *pen,
                                   double           points);
void         em_pen_rule          (EmPen           *pen,
                                   double           x,
                                   double           y,
                                   double           width,
                                   double           thickness,
                                   const EmColor   *color);
void         em_pen_fill          (EmPen           *pen,
                                   double           x,
                                   double           y,
                                   double           width,
                                   double           height,
                                   const EmColor   *color);
double       em_pen_pair_at       (EmPen           *pen,
                                   double           x,
                                   double           width,
                                   double           label_width,
                                   const char      *label,
                                   const char      *value);
void         em_pen_row           (EmPen           *pen,
                                   const EmColumn  *columns,
                                   guint            n_columns,
                                   EmFont           font,
                                   const char * const *texts);
void         em_pen_columns       (const EmPen     *pen,
                                   const EmColumn  *fractions,
                                   EmColumn        *columns,
                                   guint            n_columns);
void         em_pen_table_header  (EmPen           *pen,
                                   const EmColumn  *columns,
                                   guint            n_columns,
                                   EmFont           font,
                                   const char * const *titles);
void         em_pen_band          (EmPen           *pen,
                                   EmFont           head_font,
                                   const char      *head,
                                   const char      *text,
                                   const EmColor   *color);
void         em_pen_mark          (cairo_t         *cr,
                                   double           width,
                                   double           height,
                                   const char      *text,
                                   const EmColor   *color);

/* ---- The case as the summary reads it --------------------------------- */

typedef struct
{
  char     *at;             /* ISO 8601, UTC */
  char     *kind;           /* creado, emitir_requerimiento, … importado */
  char     *evaluator;
  char     *reason;         /* motivo, or NULL */
} EmReportEvent;

struct _EmReportCase
{
  gint64      id;
  EmCaseKind  kind;
  EmCaseState state;
  EmCaseRow   row;
  JsonObject *input;
  JsonObject *result;
  GArray     *events;       /* EmReportEvent */
  char       *code;
  char       *rules_name;   /* the rule set's or tarifario's name, if built in */
  GDateTime  *printed_at;
};

/* Where the summary's parts go (em-report-summary.c). */
typedef struct
{
  double scale;         /* of the body's type: 1, or less to fit */
  double body_end;      /* where the body ends at that scale */
  double body_bottom;   /* where the body is cut if it still does not fit */
  double foot_top;      /* where the verification code starts */
} EmSummaryLayout;

void         em_report_summary_layout  (const EmReportCase *data,
                                        double              width,
                                        double              height,
                                        EmSummaryLayout    *layout);
void         em_report_draw_capacity   (EmPen              *pen,
                                        const EmReportCase *data);
void         em_report_draw_tariff     (EmPen              *pen,
                                        const EmReportCase *data);
void         em_report_draw_procedure  (EmPen              *pen,
                                        const EmReportCase *data);

/* Small readers of the stored JSON (absent or of another type: NULL/FALSE). */
const char  *em_report_json_string     (JsonObject         *object,
                                        const char         *member);
gboolean     em_report_json_bool       (JsonObject         *object,
                                        const char         *member,
                                        gboolean           *value);
JsonArray   *em_report_json_array      (JsonObject         *object,
                                        const char         *member);
JsonObject  *em_report_json_object     (JsonObject         *object,
                                        const char         *member);

/* Colombian forms of what the JSON stores in canonical form. */
char        *em_report_format_money    (const char         *canonical);
char        *em_report_format_decimal  (const char         *canonical,
                                        int                 places);
char        *em_report_format_time     (const char         *iso8601);
char        *em_report_format_date     (const char         *iso8601);
char        *em_report_format_local    (GDateTime          *when);

/* ---- Writing a file whole or not at all ------------------------------- */

typedef struct _EmReportOutput EmReportOutput;

EmReportOutput *em_report_output_open      (const char     *path,
                                            GError        **error);
GOutputStream  *em_report_output_stream    (EmReportOutput *self);
gboolean        em_report_output_commit    (EmReportOutput *self,
                                            GError        **error);
void            em_report_output_free      (EmReportOutput *self);
cairo_surface_t *em_report_output_pdf      (EmReportOutput *self,
                                            EmPaper         paper);
gboolean        em_report_output_pdf_finish (EmReportOutput  *self,
                                            cairo_surface_t *surface,
                                            GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmReportOutput, em_report_output_free)

G_END_DECLS
