/* em-tariff-page-private.h — what the tariff page's two files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-tariff-form.h"
#include "em-tariff-page.h"
#include "em-tariff-view.h"

G_BEGIN_DECLS

struct _EmTariffPage
{
  GtkWidget          parent_instance;

  GtkInfoBar        *notice_bar;
  GtkLabel          *notice_label;
  GtkWidget         *notice_button;
  GtkWidget         *case_header;
  GtkLabel          *case_title;
  GtkLabel          *case_facts;
  GtkLabel          *case_code;
  GtkLabel          *case_integrity;
  GtkWidget         *case_new_button;
  GtkWidget         *form_box;
  GtkEditable       *expediente_entry;
  GtkEditable       *titular_entry;
  GtkWidget         *etapa_box;
  GtkToggleButton   *exploracion_button;
  GtkToggleButton   *construccion_button;
  GtkToggleButton   *explotacion_button;
  GtkCheckButton    *pin_check;
  GtkCheckButton    *autorizado_check;
  GtkLabel          *classification_hint;
  GtkWidget         *area_label;
  GtkWidget         *area_box;
  GtkEditable       *area_entry;
  GtkWidget         *grupo_label;
  GtkDropDown       *grupo_dropdown;
  GtkWidget         *sistema_label;
  GtkDropDown       *sistema_dropdown;
  GtkWidget         *produccion_label;
  GtkWidget         *produccion_box;
  GtkEditable       *produccion_entry;
  GtkLabel          *produccion_unit;
  GtkDropDown       *medida_dropdown;
  GtkCheckButton    *levantamiento_check;
  GtkWidget         *nivel_label;
  GtkDropDown       *nivel_dropdown;
  GtkSpinButton     *numero_spin;
  GtkLabel          *etapa_error;
  GtkLabel          *area_error;
  GtkLabel          *grupo_error;
  GtkLabel          *sistema_error;
  GtkLabel          *produccion_error;
  GtkLabel          *nivel_error;
  GtkLabel          *numero_error;
  GtkLabel          *oficial_mark;
  GtkLabel          *schedule_title;
  GtkLabel          *schedule_label;
  GtkStack          *results_stack;
  GtkLabel          *empty_title;
  GtkLabel          *empty_detail;
  GtkLabel          *clase_label;
  GtkLabel          *clase_reason;
  GtkLabel          *clase_basis;
  GtkLabel          *charge_label;
  GtkLabel          *explanation_label;
  GtkGrid           *components_grid;
  GtkLabel          *valor_label;
  GtkLabel          *tarifa_label;
  GtkLabel          *tarifa_note;
  GtkGrid           *days_grid;
  GtkLabel          *days_basis;
  GtkWidget         *observations_section;
  GtkLabel          *observations_label;
  GtkWidget         *history_section;
  GtkBox            *history_box;

  GtkLabel          *component_labels[4][4];        /* code, name, formula, amount */
  GtkWidget         *field_inputs[EM_N_TARIFF_FIELDS];  /* made insensitive */
  GtkWidget         *field_marks[EM_N_TARIFF_FIELDS];   /* marked with .error */
  GtkWidget         *field_labels[EM_N_TARIFF_FIELDS];
  GtkLabel          *field_errors[EM_N_TARIFF_FIELDS];

  EmSession         *session;
  EmTariffOutcome   *outcome;          /* of the form being edited */
  gboolean           updating;         /* the page itself is writing the form */
  gboolean           unsaved;          /* changed since new, saved or shown */
  gboolean           viewing;          /* a stored case, read-only */
  gint64             viewing_id;       /* which one */
  gint64             saved_id;         /* the case the notice is about */
  gboolean           has_draft;
  EmTariffForm       draft;            /* the unsaved form a stored case replaced */
};

void em_tariff_page_read_form      (EmTariffPage       *self,
                                    EmTariffForm       *form);
void em_tariff_page_write_form     (EmTariffPage       *self,
                                    const EmTariffForm *form);
void em_tariff_page_refresh        (EmTariffPage       *self);
void em_tariff_page_show_view      (EmTariffPage       *self,
                                    EmTariffView       *view,
                                    EmScheduleView     *schedule);
void em_tariff_page_show_form_state (EmTariffPage      *self,
                                    const EmTariffForm *form);
void em_tariff_page_release_focus  (EmTariffPage       *self,
                                    GtkWidget          *widget,
                                    GtkWidget          *to);
void em_tariff_page_show_field_errors (EmTariffPage *self,
                                    const EmTariffOutcome *outcome);
void em_tariff_page_show_notice    (EmTariffPage       *self,
                                    GtkMessageType      type,
                                    const char         *message,
                                    gboolean            with_case);
void em_tariff_page_update_actions (EmTariffPage       *self);

/* em-tariff-page-case.c */
void em_tariff_page_save           (EmTariffPage       *self);
void em_tariff_page_new            (EmTariffPage       *self);
void em_tariff_page_resume         (EmTariffPage       *self);
gint64 em_tariff_page_printable_id (EmTariffPage       *self);
void em_tariff_page_print          (EmTariffPage       *self,
                                    gboolean            to_file);

G_END_DECLS
