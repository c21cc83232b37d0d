/* em-report.h — printable verdict summaries and the periodic report
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK-free: everything is drawn with Cairo and Pango onto any cairo_t whose
 * user unit is the PostScript point (1/72 in), origin at the top left
 * corner of the sheet.  The CLI writes PDF through a Cairo PDF surface; the
 * window's GtkPrintOperation (unit GTK_UNIT_POINTS, use_full_page TRUE)
 * calls the same drawing functions with its own cairo_t.  The margins
 * (2 cm) are drawn by these functions, not by the caller.
 */
#pragma once

#include <cairo.h>

#include "em-case-store.h"

G_BEGIN_DECLS

#define EM_REPORT_ERROR (em_report_error_quark ())

typedef enum
{
  EM_REPORT_ERROR_INVALID,     /* a stored case this module cannot read */
  EM_REPORT_ERROR_WRITE,       /* the PDF or CSV could not be written */
} EmReportError;

/* The sheet.  Carta (Letter, 612 × 792 pt) is the Colombian default. */
typedef enum
{
  EM_PAPER_CARTA,
  EM_PAPER_A4,
} EmPaper;

GQuark       em_report_error_quark   (void);

gboolean     em_paper_parse          (const char   *text,
                                      EmPaper      *out);
const char  *em_paper_to_string      (EmPaper       paper);
void         em_paper_get_size       (EmPaper       paper,
                                      double       *width,
                                      double       *height);

/* ---- The summary of one case (always one page) ------------------------ */

/* Everything a summary shows, read from the store once; drawing it is pure. */
typedef struct _EmReportCase EmReportCase;

EmReportCase *em_report_case_new            (gint64             id,
                                             const EmCaseRow   *row,
                                             GPtrArray         *events,
                                             const char        *code,
                                             GError           **error);
EmReportCase *em_report_case_new_from_store (EmCaseStore       *store,
                                             gint64             id,
                                             GError           **error);
void          em_report_case_free           (EmReportCase      *self);
gint64        em_report_case_get_id         (const EmReportCase *self);
const char   *em_report_case_get_code       (const EmReportCase *self);
char         *em_report_case_get_title      (const EmReportCase *self);
void          em_report_case_set_printed_at (EmReportCase      *self,
                                             GDateTime         *when);

void          em_report_draw_case           (cairo_t            *cr,
                                             double              width,
                                             double              height,
                                             const EmReportCase *case_data);
gboolean      em_report_case_write_pdf      (const EmReportCase *case_data,
                                             const char        *path,
                                             EmPaper            paper,
                                             GError           **error);
gboolean      em_report_write_case_pdf      (EmCaseStore       *store,
                                             gint64             id,
                                             const char        *path,
                                             EmPaper            paper,
                                             GError           **error);

/* ---- The periodic report (as many pages as needed) -------------------- */

typedef struct _EmReportPeriod EmReportPeriod;

/* Totals of a period, for the caller (the CLI prints them). */
typedef struct
{
  guint n_cases;
  guint n_capacity;
  guint n_tariff;
} EmReportTotals;

EmReportPeriod *em_report_period_new          (EmCaseStore          *store,
                                               const char           *from,
                                               const char           *until,
                                               GError              **error);
void            em_report_period_free         (EmReportPeriod       *self);
void            em_report_period_get_totals   (const EmReportPeriod *self,
                                               EmReportTotals       *totals);
char           *em_report_period_get_title    (const EmReportPeriod *self);
void            em_report_period_set_printed_at (EmReportPeriod     *self,
                                               GDateTime            *when);
guint           em_report_period_paginate     (EmReportPeriod       *self,
                                               double                width,
                                               double                height);
void            em_report_period_draw_page    (EmReportPeriod       *self,
                                               cairo_t              *cr,
                                               guint                 page);
gboolean        em_report_period_write_pdf    (EmReportPeriod       *self,
                                               const char           *path,
                                               EmPaper               paper,
                                               guint                *n_pages,
                                               GError              **error);
gboolean        em_report_period_write_csv    (EmCaseStore          *store,
                                               const char           *from,
                                               const char           *until,
                                               const char           *path,
                                               guint                *n_rows,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmReportCase, em_report_case_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmReportPeriod, em_report_period_free)

G_END_DECLS
