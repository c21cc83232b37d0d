/* em-capacity-page.c — the Capacidad económica page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A form for the applicant and the financial figures (only the régimen's
 * fields are shown), evaluated live as the official types: every change
 * reads the form into an EmCapacityCase, evaluates it with the session's
 * rule set and shows the result through the same view state a stored case
 * uses (em-capacity-view.c).  Figures are typed the Colombian way and
 * checked on the field; nothing is evaluated from invalid or impossible
 * data.  A stored case is shown read-only with its procedure's next steps,
 * and prints (em-print.h); an unsaved evaluation is saved before printing.
 */
#define G_LOG_DOMAIN "em-capacity-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-engine.h"
#include "em-capacity-json.h"
#include "em-capacity-page.h"
#include "em-capacity-view.h"
#include "em-date.h"
#include "em-input-error.h"
#include "em-nit.h"
#include "em-page.h"
#include "em-print.h"
#include "em-ui-dialogs.h"

typedef enum
{
  MODE_NEW,           /* a new evaluation */
  MODE_VIEW,          /* a stored case, read-only */
  MODE_SUBSANACION,   /* a stored case's figures, being corrected */
} Mode;

struct _EmCapacityPage
{
  GtkWidget        parent_instance;

  GtkWidget       *paned;
  GtkWidget       *form_box;
  GtkEntry        *name_entry;
  GtkEntry        *document_entry;
  GtkEntry        *radicado_entry;
  GtkEntry        *date_entry;
  GtkDropDown     *document_type_dropdown;
  GtkDropDown     *person_dropdown;
  GtkDropDown     *role_dropdown;
  GtkDropDown     *procedure_dropdown;
  GtkDropDown     *regimen_dropdown;
  GtkLabel        *document_message;
  GtkLabel        *date_message;
  GtkWidget       *simple_box;
  GtkWidget       *common_box;
  GtkGrid         *simple_grid;
  GtkGrid         *accounts_grid;
  GtkGrid         *amount_grid;
  GtkGrid         *common_grid;
  GtkCheckButton  *estimate_check;
  GtkCheckButton  *aval_check;
  GtkLabel        *banner_label;
  GtkLabel        *verdict_label;
  GtkLabel        *missing_label;
  GtkGrid         *indicators_grid;
  GtkLabel        *ktno_label;
  GtkLabel        *observations_label;
  GtkLabel        *rules_label;
  GtkWidget       *case_box;
  GtkLabel        *case_title;
  GtkLabel        *case_details;
  GtkLabel        *history_label;

  GtkEntry        *money[EM_N_AMOUNTS];
  GtkLabel        *money_message[EM_N_AMOUNTS];

  EmSession       *session;
  EmCapacityCase  *current;         /* the last valid input, or NULL */
  const char      *verdict_class;
  gint64           case_id;
  Mode             mode;
  gboolean         dirty;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (EmCapacityPage, em_capacity_page, GTK_TYPE_WIDGET)

static const char * const document_codes[] = { "CC", "CE", "NIT", "PA" };

/* Where each amount goes, with its mnemonic label. */
static const struct
{
  EmAmount    amount;
  const char *label;
  int         grid;     /* 0 simple, 1 accounts, 2 amount, 3 common */
} money_rows[] = {
  { EM_AMOUNT_INGRESOS_ULTIMO_ANO, N_("_Ingresos del último año gravable"), 0 },
  { EM_AMOUNT_SALDO_PROMEDIO, N_("_Saldo bancario promedio de los últimos 3 meses (opcional)"), 0 },
  { EM_AMOUNT_CUENTAS_POR_COBRAR, N_("Cuentas por _cobrar"), 1 },
  { EM_AMOUNT_INVENTARIO, N_("In_ventario"), 1 },
  { EM_AMOUNT_CUENTAS_POR_PAGAR, N_("C_uentas por pagar"), 1 },
  { EM_AMOUNT_MONTO_COMERCIALIZACION, N_("M_onto de comercialización esperado (año)"), 2 },
  { EM_AMOUNT_ACTIVO_CORRIENTE, N_("Activo _corriente"), 3 },
  { EM_AMOUNT_PASIVO_CORRIENTE, N_("Pasivo c_orriente"), 3 },
  { EM_AMOUNT_ACTIVO_TOTAL, N_("Activo tota_l"), 3 },
  { EM_AMOUNT_PASIVO_TOTAL, N_("Pa_sivo total"), 3 },
  { EM_AMOUNT_INGRESOS_OPERACIONALES, N_("_Ingresos operacionales"), 3 },
};

static void evaluate (EmCapacityPage *self);

/* ---- Field messages ---------------------------------------------------- */

static void
set_field_message (GtkWidget *field, GtkLabel *message, const char *text)
{
  gtk_label_set_text (message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (message), text != NULL);
  if (text != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : "", -1);
}

static void
clear_field_messages (EmCapacityPage *self)
{
  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    set_field_message (GTK_WIDGET (self->money[i]), self->money_message[i], NULL);
  set_field_message (GTK_WIDGET (self->date_entry), self->date_message, NULL);
  set_field_message (GTK_WIDGET (self->document_entry), self->document_message, NULL);
}

/* ---- Reading the form -------------------------------------------------- */

static EmRegimen
selected_regimen (EmCapacityPage *self)
{
  return gtk_drop_down_get_selected (self->regimen_dropdown) == 1 ? EM_REGIMEN_SIMPLIFICADO : EM_REGIMEN_COMUN;
}

static gboolean
amount_in_use (EmCapacityPage *self, EmAmount amount)
{
  gboolean estimate = gtk_check_button_get_active (self->estimate_check);

  if (em_amount_get_regimen (amount) != selected_regimen (self))
    return FALSE;
  if (amount == EM_AMOUNT_MONTO_COMERCIALIZACION)
    return estimate;
  if (amount == EM_AMOUNT_CUENTAS_POR_COBRAR || amount == EM_AMOUNT_INVENTARIO
      || amount == EM_AMOUNT_CUENTAS_POR_PAGAR)
    return !estimate;
  return TRUE;
}

/* An amount typed the Colombian way; an empty field is absent, not zero. */
static gboolean
read_amount (EmCapacityPage *self, EmAmount amount, EmCapacityCase *input)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->money[amount]))));
  g_autoptr(GError) error = NULL;
  EmMoney value;

  if (!amount_in_use (self, amount) || text[0] == '\0')
    return TRUE;
  if (!em_money_parse_user (text, &value, &error))
    {
      set_field_message (GTK_WIDGET (self->money[amount]), self->money_message[amount], error->message);
      return FALSE;
    }
  em_capacity_case_set_amount (input, amount, value);
  return TRUE;
}

static gboolean
read_date (EmCapacityPage *self, EmCapacityCase *input)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  g_autoptr(GError) error = NULL;
  GDate date;

  if (text[0] == '\0')
    return TRUE;
  if (!em_date_parse_user (text, &date, &error))
    {
      set_field_message (GTK_WIDGET (self->date_entry), self->date_message, error->message);
      return FALSE;
    }
  em_capacity_case_set_fecha_radicacion (input, &date);
  return TRUE;
}

/* A wrong NIT digit is said on the field; it does not change the verdict,
 * but the case cannot be saved with it (em_capacity_page_can_save). */
static gboolean
check_document (EmCapacityPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->document_entry));
  g_autoptr(GError) error = NULL;

  if (gtk_drop_down_get_selected (self->document_type_dropdown) != 2 || text[0] == '\0'
      || em_nit_validate (text, NULL, &error))
    return TRUE;
  set_field_message (GTK_WIDGET (self->document_entry), self->document_message, error->message);
  return FALSE;
}

static void
set_text_field (EmCapacityCase *input, EmText field, GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (text[0] != '\0')
    em_capacity_case_set_text (input, field, text);
}

static void
read_identification (EmCapacityPage *self, EmCapacityCase *input)
{
  set_text_field (input, EM_TEXT_NOMBRE, self->name_entry);
  set_text_field (input, EM_TEXT_NUMERO_DOCUMENTO, self->document_entry);
  set_text_field (input, EM_TEXT_RADICADO, self->radicado_entry);
  em_capacity_case_set_text (input, EM_TEXT_TIPO_DOCUMENTO,
                             document_codes[gtk_drop_down_get_selected (self->document_type_dropdown)]);
  em_capacity_case_set_tipo_persona (input, gtk_drop_down_get_selected (self->person_dropdown));
  em_capacity_case_set_rol (input, gtk_drop_down_get_selected (self->role_dropdown));
  em_capacity_case_set_tramite (input, gtk_drop_down_get_selected (self->procedure_dropdown));
}

/* The form as a case, or NULL when a field is invalid (it says why). */
static EmCapacityCase *
read_form (EmCapacityPage *self)
{
  g_autoptr(EmCapacityCase) input = em_capacity_case_new ();
  gboolean valid = TRUE;

  clear_field_messages (self);
  em_capacity_case_set_regimen (input, selected_regimen (self));
  read_identification (self, input);
  valid &= read_date (self, input);
  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    valid &= read_amount (self, i, input);
  if (selected_regimen (self) == EM_REGIMEN_COMUN)
    em_capacity_case_set_aval_financiero (input, gtk_check_button_get_active (self->aval_check));
  check_document (self);
  return valid ? g_steal_pointer (&input) : NULL;
}

/* ---- Showing the result ------------------------------------------------ */

static void
set_optional_label (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
set_verdict (EmCapacityPage *self, const char *text, const char *css_class)
{
  if (self->verdict_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), self->verdict_class);
  self->verdict_class = css_class;
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), css_class);
  gtk_label_set_text (self->verdict_label, text);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_label (GtkGrid *grid, const char *text, int column, int row, int width)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_grid_attach (grid, label, column, row, width, 1);
  return label;
}

static int
add_indicator_row (GtkGrid *grid, const EmIndicatorView *indicator, int row)
{
  GtkWidget *mark;
  GtkWidget *detail;
  g_autofree char *basis = g_strdup_printf ("%s%s%s", indicator->basis,
                                            indicator->note ? " — " : "", indicator->note ? indicator->note : "");

  grid_label (grid, indicator->name, 0, row, 1);
  gtk_widget_add_css_class (grid_label (grid, indicator->value, 1, row, 1), "numeric");
  grid_label (grid, indicator->comparison, 2, row, 1);
  mark = grid_label (grid, indicator->mark, 3, row, 1);
  gtk_widget_add_css_class (mark, indicator->passes ? "pass" : "fail");
  detail = grid_label (grid, basis, 0, row + 1, 4);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_margin_bottom (detail, 6);
  return row + 2;
}

static void
show_indicators (EmCapacityPage *self, GPtrArray *indicators)
{
  const char *headers[] = { N_("Indicador"), N_("Valor"), N_("Umbral"), N_("Resultado") };
  int row = 1;

  clear_grid (self->indicators_grid);
  if (indicators->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    gtk_widget_add_css_class (grid_label (self->indicators_grid, _(headers[i]), i, 0, 1), "dim-label");
  for (guint i = 0; i < indicators->len; i++)
    row = add_indicator_row (self->indicators_grid, indicators->pdata[i], row);
}

static void
show_result (EmCapacityPage *self, JsonObject *result, const char *rules_text)
{
  g_autoptr(EmCapacityView) view = em_capacity_view_new (result);
  g_autofree char *ktno = view->ktno ? g_strdup_printf (_("KTNO (inversión en capital de trabajo): %s"), view->ktno) : NULL;

  set_verdict (self, view->verdict, view->verdict_class);
  set_optional_label (self->missing_label, view->missing);
  show_indicators (self, view->indicators);
  set_optional_label (self->ktno_label, ktno);
  set_optional_label (self->observations_label, view->observations);
  gtk_label_set_text (self->rules_label, rules_text);
}

static void
show_invalid (EmCapacityPage *self, const char *message)
{
  set_verdict (self, message, NULL);
  set_optional_label (self->missing_label, NULL);
  clear_grid (self->indicators_grid);
  set_optional_label (self->ktno_label, NULL);
  set_optional_label (self->observations_label, NULL);
}

static char *
rules_description (EmRuleSet *rules)
{
  g_autofree char *validity = em_rule_set_describe_validity (rules);

  return g_strdup_printf (_("Reglas: %s, vigente %s."), em_rule_set_get_name (rules), validity);
}

/* An impossible-data error: on its field when it has one. */
static void
show_input_error (EmCapacityPage *self, const GError *error)
{
  const char *field = em_input_error_get_field (error);
  g_autofree char *message = NULL;

  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    if (g_strcmp0 (field, em_amount_get_field_name (i)) == 0)
      set_field_message (GTK_WIDGET (self->money[i]), self->money_message[i], error->message);
  message = g_strdup_printf (_("No se evalúa: %s."), error->message);
  show_invalid (self, message);
}

static void update_actions (EmCapacityPage *self);

static void
evaluate (EmCapacityPage *self)
{
  g_autoptr(EmCapacityCase) input = NULL;
  g_autoptr(EmCapacityVerdict) verdict = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rules_text = NULL;
  EmRuleSet *rules;

  if (self->loading || self->session == NULL || self->mode == MODE_VIEW)
    return;
  g_clear_object (&self->current);
  rules = em_evaluator_get_rules (em_session_get_evaluator (self->session));
  rules_text = rules_description (rules);
  gtk_label_set_text (self->rules_label, rules_text);
  if ((input = read_form (self)) == NULL)
    show_invalid (self, _("Corrija los datos marcados para ver el resultado."));
  else if ((verdict = em_capacity_evaluate (input, rules, &error)) == NULL)
    show_input_error (self, error);
  else
    {
      result = em_capacity_verdict_to_json (verdict);
      show_result (self, json_node_get_object (result), rules_text);
      self->current = g_steal_pointer (&input);
    }
  update_actions (self);
}

/* ---- Form events ------------------------------------------------------- */

static void
on_form_changed (EmCapacityPage *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->banner_label), self->mode == MODE_SUBSANACION);
  evaluate (self);
}

static void
on_regimen_changed (EmCapacityPage *self)
{
  gboolean simple = selected_regimen (self) == EM_REGIMEN_SIMPLIFICADO;

  gtk_widget_set_visible (self->simple_box, simple);
  gtk_widget_set_visible (self->common_box, !simple);
  on_form_changed (self);
}

static void
on_estimate_toggled (EmCapacityPage *self)
{
  gboolean estimate = gtk_check_button_get_active (self->estimate_check);

  gtk_widget_set_visible (GTK_WIDGET (self->accounts_grid), !estimate);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_grid), estimate);
  on_form_changed (self);
}

/* Shows what was typed in the Colombian format when the field is left. */
static void
on_money_leave (GtkEventControllerFocus *controller, EmCapacityPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  g_autofree char *formatted = NULL;
  EmMoney value;

  if (em_money_parse_user (gtk_editable_get_text (entry), &value, NULL)
      && (formatted = em_money_format (value)) != NULL
      && g_strcmp0 (formatted, gtk_editable_get_text (entry)) != 0)
    gtk_editable_set_text (entry, formatted);
}

static void
add_money_row (EmCapacityPage *self, GtkGrid *grid, guint index, int row)
{
  EmAmount amount = money_rows[index].amount;
  GtkWidget *label = gtk_label_new_with_mnemonic (_(money_rows[index].label));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *message = gtk_label_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_name (entry, em_amount_get_field_name (amount));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "$ 0,00");
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_visible (message, FALSE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "field-error");
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_form_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_money_leave), self);
  gtk_widget_add_controller (entry, focus);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), message);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, box, 1, row, 1, 1);
  self->money[amount] = GTK_ENTRY (entry);
  self->money_message[amount] = GTK_LABEL (message);
}

static void
build_money_rows (EmCapacityPage *self)
{
  GtkGrid *grids[] = { self->simple_grid, self->accounts_grid, self->amount_grid, self->common_grid };
  int rows[G_N_ELEMENTS (grids)] = { 0 };
  GtkSizeGroup *labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  for (guint i = 0; i < G_N_ELEMENTS (money_rows); i++)
    {
      int grid = money_rows[i].grid;
      add_money_row (self, grids[grid], i, rows[grid]++);
      gtk_size_group_add_widget (labels, gtk_grid_get_child_at (grids[grid], 0, rows[grid] - 1));
    }
  g_object_unref (labels);
}

/* ---- Filling the form from a stored case ------------------------------- */

static guint
document_index (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_codes); i++)
    if (g_strcmp0 (code, document_codes[i]) == 0)
      return i;
  return 0;
}

static void
fill_form (EmCapacityPage *self, EmCapacityCase *input)
{
  GDate date;

  gtk_drop_down_set_selected (self->regimen_dropdown,
                              em_capacity_case_get_regimen (input) == EM_REGIMEN_SIMPLIFICADO ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), em_capacity_case_get_text (input, EM_TEXT_NOMBRE) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->document_entry),
                         em_capacity_case_get_text (input, EM_TEXT_NUMERO_DOCUMENTO) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->radicado_entry), em_capacity_case_get_text (input, EM_TEXT_RADICADO) ?: "");
  gtk_drop_down_set_selected (self->document_type_dropdown,
                              document_index (em_capacity_case_get_text (input, EM_TEXT_TIPO_DOCUMENTO)));
  gtk_drop_down_set_selected (self->person_dropdown, em_capacity_case_get_tipo_persona (input));
  gtk_drop_down_set_selected (self->role_dropdown, em_capacity_case_get_rol (input));
  gtk_drop_down_set_selected (self->procedure_dropdown, em_capacity_case_get_tramite (input));
  if (em_capacity_case_get_fecha_radicacion (input, &date))
    {
      g_autofree char *shown = em_date_format_user (&date);
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");
  gtk_check_button_set_active (self->estimate_check,
                               em_capacity_case_get_amount (input, EM_AMOUNT_MONTO_COMERCIALIZACION, NULL));
  gtk_check_button_set_active (self->aval_check, em_capacity_case_get_aval_financiero (input));
  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    {
      EmMoney value;
      g_autofree char *shown = em_capacity_case_get_amount (input, i, &value) ? em_money_format (value) : g_strdup ("");
      gtk_editable_set_text (GTK_EDITABLE (self->money[i]), shown);
    }
}

static void
clear_form (EmCapacityPage *self)
{
  g_autoptr(EmCapacityCase) empty = em_capacity_case_new ();

  em_capacity_case_set_regimen (empty, EM_REGIMEN_COMUN);
  fill_form (self, empty);
}

/* ---- Modes --------------------------------------------------------------- */

static void
set_mode (EmCapacityPage *self, Mode mode, gint64 case_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->mode = mode;
  self->case_id = case_id;
  /* Take the focus out of the form before it becomes read-only (GTK warns
   * when a focused entry turns insensitive). */
  if (mode == MODE_VIEW && root != NULL && gtk_root_get_focus (root) != NULL
      && gtk_widget_is_ancestor (gtk_root_get_focus (root), self->form_box))
    gtk_root_set_focus (root, NULL);
  gtk_widget_set_sensitive (self->form_box, mode != MODE_VIEW);
  gtk_widget_set_visible (self->case_box, mode == MODE_VIEW);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_label), FALSE);
  update_actions (self);
}

static void
show_banner (EmCapacityPage *self, const char *text)
{
  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_label), TRUE);
}

static void
start_new (EmCapacityPage *self)
{
  self->loading = TRUE;
  clear_form (self);
  self->loading = FALSE;
  set_mode (self, MODE_NEW, 0);
  on_regimen_changed (self);
  on_estimate_toggled (self);
  self->dirty = FALSE;
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* ---- Actions ------------------------------------------------------------ */

static gboolean
document_is_valid (EmCapacityPage *self)
{
  return !gtk_widget_get_visible (GTK_WIDGET (self->document_message));
}

static EmCaseStore *
store_of (EmCapacityPage *self)
{
  return self->session ? em_session_get_store (self->session) : NULL;
}

static void
update_actions (EmCapacityPage *self)
{
  g_auto(EmCaseRow) row = { 0 };
  EmProcedureFacts facts = { EM_CASE_KIND_CAPACIDAD };
  gboolean viewing = self->mode == MODE_VIEW && store_of (self) != NULL
                     && em_case_store_get_row (store_of (self), self->case_id, &row, NULL);
  const char *names[] = { "page.requerimiento", "page.subsanacion", "page.aval", "page.rechazar", "page.anular" };
  const EmCaseAction actions[] = {
    EM_CASE_ACTION_EMITIR_REQUERIMIENTO, EM_CASE_ACTION_REGISTRAR_SUBSANACION, EM_CASE_ACTION_REGISTRAR_AVAL,
    EM_CASE_ACTION_RECHAZAR, EM_CASE_ACTION_ANULAR,
  };

  gboolean can_save = self->mode != MODE_VIEW && self->current != NULL && store_of (self) != NULL;

  em_page_set_action_enabled (GTK_WIDGET (self), "page.save", can_save);
  /* A stored case prints; an evaluation typed and not saved offers to save first. */
  em_page_set_action_enabled (GTK_WIDGET (self), "page.print", viewing || (can_save && self->dirty));
  em_page_set_action_enabled (GTK_WIDGET (self), "page.export-pdf", viewing || (can_save && self->dirty));
  if (viewing)
    {
      em_case_state_parse (row.state, &facts.state);
      facts.result = row.result;
      facts.requerimiento = row.requerimiento;
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i],
                                   viewing && em_procedure_allows (&facts, actions[i], NULL));
}

static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EmCapacityPage *self = EM_CAPACITY_PAGE (widget);

  if (self->dirty && self->mode != MODE_VIEW)
    em_ui_confirm (widget, _("¿Descartar la evaluación sin guardar?"),
                   _("Los datos escritos se perderán."), _("_Descartar"),
                   (EmUiCallback) start_new, self);
  else
    start_new (self);
}

static char *
input_text (EmCapacityCase *input)
{
  g_autoptr(JsonNode) node = em_capacity_case_to_json (input);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static gboolean
save_evaluation (EmCapacityPage *self, GError **error)
{
  g_autofree char *text = input_text (self->current);
  g_autoptr(EmEvaluation) evaluation =
      em_evaluator_evaluate_text (em_session_get_evaluator (self->session), EM_CASE_KIND_CAPACIDAD,
                                  text, FALSE, error);
  const char *evaluator = em_session_get_evaluator_name (self->session);
  gint64 id = self->case_id;

  if (evaluation == NULL)
    return FALSE;
  if (self->mode == MODE_SUBSANACION)
    {
      if (!em_case_store_apply (store_of (self), id, EM_CASE_ACTION_REGISTRAR_SUBSANACION, NULL,
                                em_evaluation_get_record (evaluation), evaluator, error))
        return FALSE;
    }
  else if ((id = em_case_store_add (store_of (self), em_evaluation_get_record (evaluation), evaluator, error)) == 0)
    return FALSE;
  self->dirty = FALSE;
  em_session_cases_changed (self->session, id);
  em_capacity_page_show_case (GTK_WIDGET (self), id);
  return TRUE;
}

static void save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter);

static void
save_again (EmCapacityPage *self)
{
  save_activated (GTK_WIDGET (self), "page.save", NULL);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EmCapacityPage *self = EM_CAPACITY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  if (!em_ui_require_evaluator (widget, self->session, (EmUiCallback) save_again, self))
    return;
  if (!document_is_valid (self))
    {
      em_ui_error (widget, _("No se puede guardar"), gtk_label_get_text (self->document_message));
      return;
    }
  if (!save_evaluation (self, &error))
    {
      em_ui_error (widget, _("No se pudo guardar el caso"), error->message);
      return;
    }
  code = em_case_store_get_code (store_of (self), self->case_id, NULL);
  message = g_strdup_printf (_("Caso %ld guardado. Código de verificación: %s."), (long) self->case_id, code);
  show_banner (self, message);
}

static void
apply_action (EmCapacityPage *self, EmCaseAction action, const char *reason, gboolean with_aval)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_auto(EmCaseRow) row = { 0 };
  gint64 id = self->case_id;

  if (with_aval && em_case_store_get_row (store_of (self), id, &row, &error))
    evaluation = em_evaluator_evaluate_text (em_session_get_evaluator (self->session), EM_CASE_KIND_CAPACIDAD,
                                             row.input_json, TRUE, &error);
  if (error == NULL && em_ui_require_evaluator (GTK_WIDGET (self), self->session, NULL, NULL)
      && !em_case_store_apply (store_of (self), id, action, reason,
                               evaluation ? em_evaluation_get_record (evaluation) : NULL,
                               em_session_get_evaluator_name (self->session), &error))
    g_assert (error != NULL);
  if (error != NULL)
    {
      em_ui_error (GTK_WIDGET (self), _("No se pudo registrar el trámite"), error->message);
      return;
    }
  em_session_cases_changed (self->session, id);
  em_capacity_page_show_case (GTK_WIDGET (self), id);
  show_banner (self, em_case_action_describe (action));
}

static void
requerimiento_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  apply_action (EM_CAPACITY_PAGE (widget), EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, FALSE);
}

static void
aval_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  apply_action (EM_CAPACITY_PAGE (widget), EM_CASE_ACTION_REGISTRAR_AVAL, NULL, TRUE);
}

static void
reject_confirmed (EmCapacityPage *self)
{
  apply_action (self, EM_CASE_ACTION_RECHAZAR, _("El solicitante no subsanó el requerimiento"), FALSE);
}

static void
rechazar_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  em_ui_confirm (widget, _("¿Rechazar la solicitud?"),
                 _("El solicitante no subsanó el requerimiento (Res. ANM 208/2017, art. 2 parágrafo 1). "
                   "El caso quedará rechazado."), _("_Rechazar"), (EmUiCallback) reject_confirmed, widget);
}

static void
annul_with_reason (EmCapacityPage *self, const char *reason)
{
  apply_action (self, EM_CASE_ACTION_ANULAR, reason, FALSE);
}

static void
anular_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  em_ui_ask_reason (widget, _("Anular el caso"),
                    _("El caso no se borra: queda anulado, con el motivo, en su historial."),
                    _("_Motivo de la anulación"), _("_Anular"),
                    (EmUiReasonCallback) annul_with_reason, widget);
}

static void
subsanacion_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EmCapacityPage *self = EM_CAPACITY_PAGE (widget);
  gint64 id = self->case_id;

  set_mode (self, MODE_SUBSANACION, id);
  show_banner (self, _("Corrija o complete las cifras con la información subsanada y pulse Guardar "
                       "para registrar la subsanación."));
  evaluate (self);
}

/* ---- Printing --------------------------------------------------------------- */

static void
notify_exported (EmCapacityPage *self, const char *message)
{
  show_banner (self, message);
}

static void
print_or_export (EmCapacityPage *self, gboolean to_file)
{
  if (to_file)
    em_print_export_case (GTK_WIDGET (self), store_of (self), self->case_id,
                          (EmPrintNotify) notify_exported, self);
  else
    em_print_case (GTK_WIDGET (self), store_of (self), self->case_id);
}

/* Saves (once the evaluator is known), then prints what was saved. */
static void
save_then (EmCapacityPage *self, gboolean to_file, EmUiCallback again)
{
  if (!em_ui_require_evaluator (GTK_WIDGET (self), self->session, again, self))
    return;
  save_activated (GTK_WIDGET (self), "page.save", NULL);
  if (self->mode == MODE_VIEW)
    print_or_export (self, to_file);
}

static void
save_then_print (EmCapacityPage *self)
{
  save_then (self, FALSE, (EmUiCallback) save_then_print);
}

static void
save_then_export (EmCapacityPage *self)
{
  save_then (self, TRUE, (EmUiCallback) save_then_export);
}

static void
print_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EmCapacityPage *self = EM_CAPACITY_PAGE (widget);

  if (self->mode == MODE_VIEW)
    print_or_export (self, FALSE);
  else if (self->current != NULL && self->dirty && store_of (self) != NULL)
    em_print_offer_save (widget, FALSE, (EmUiCallback) save_then_print, self);
}

static void
export_pdf_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  EmCapacityPage *self = EM_CAPACITY_PAGE (widget);

  if (self->mode == MODE_VIEW)
    print_or_export (self, TRUE);
  else if (self->current != NULL && self->dirty && store_of (self) != NULL)
    em_print_offer_save (widget, TRUE, (EmUiCallback) save_then_export, self);
}

/* ---- A stored case -------------------------------------------------------- */

static char *
format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (iso);
}

static char *
history_text (GPtrArray *events)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      const EmCaseEvent *event = events->pdata[i];
      g_autofree char *when = format_timestamp (event->at);
      EmCaseAction action;
      const char *what = em_case_action_parse (event->kind, &action) ? em_case_action_describe (action)
                         : g_str_equal (event->kind, "creado") ? _("Evaluado y guardado")
                         : g_str_equal (event->kind, "importado") ? _("Importado de otro equipo") : event->kind;

      g_string_append_printf (text, "%s%s — %s (%s)", i ? "\n" : "", when, what, event->evaluator);
    }
  return g_string_free (text, FALSE);
}

static char *
case_details (EmCaseStore *store, gint64 id, const EmCaseRow *row)
{
  g_autoptr(GError) integrity = NULL;
  g_autofree char *code = em_case_store_get_code (store, id, NULL);
  g_autofree char *created = format_timestamp (row->created);
  g_autofree char *verified = em_case_store_verify_case (store, id, &integrity)
                              ? g_strdup (_("✔ el registro se verifica"))
                              : g_strdup_printf (_("✘ NO se verifica: %s"), integrity->message);
  g_autofree char *annulled = row->annulment_reason
                              ? g_strdup_printf (_("\nMotivo de la anulación: %s"), row->annulment_reason) : g_strdup ("");

  return g_strdup_printf (_("Evaluado por %s el %s con «%s».\nCódigo de verificación: %s — %s.%s"),
                          row->evaluator, created, row->rules_id, code, verified, annulled);
}

static void
show_stored (EmCapacityPage *self, gint64 id, const EmCaseRow *row, GPtrArray *events)
{
  g_autoptr(JsonNode) result = json_from_string (row->result_json, NULL);
  g_autofree char *title = NULL;
  g_autofree char *details = case_details (store_of (self), id, row);
  g_autofree char *history = history_text (events);
  EmCaseState state = EM_CASE_STATE_EVALUADO;

  em_case_state_parse (row->state, &state);
  title = g_strdup_printf (_("Caso %ld · %s"), (long) id, em_case_state_describe (state));
  if (result != NULL && JSON_NODE_HOLDS_OBJECT (result))
    show_result (self, json_node_get_object (result), "");
  gtk_label_set_text (self->case_title, title);
  gtk_label_set_text (self->case_details, details);
  gtk_label_set_text (self->history_label, history);
}

void
em_capacity_page_show_case (GtkWidget *page,
                            gint64     id)
{
  EmCapacityPage *self = EM_CAPACITY_PAGE (page);
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmFlatObject) object = NULL;
  g_autoptr(EmCapacityCase) input = NULL;

  if (store_of (self) == NULL || !em_case_store_get_row (store_of (self), id, &row, &error)
      || (events = em_case_store_get_events (store_of (self), id, &error)) == NULL
      || (object = em_flat_object_parse (row.input_json, -1, &error)) == NULL
      || (input = em_capacity_case_new_from_json (object, NULL, &error)) == NULL)
    {
      em_ui_error (page, _("No se pudo abrir el caso"), error ? error->message : "");
      return;
    }
  self->loading = TRUE;
  fill_form (self, input);
  self->loading = FALSE;
  set_mode (self, MODE_VIEW, id);
  gtk_widget_set_visible (self->simple_box, em_capacity_case_get_regimen (input) == EM_REGIMEN_SIMPLIFICADO);
  gtk_widget_set_visible (self->common_box, em_capacity_case_get_regimen (input) == EM_REGIMEN_COMUN);
  gtk_widget_set_visible (GTK_WIDGET (self->accounts_grid), !gtk_check_button_get_active (self->estimate_check));
  gtk_widget_set_visible (GTK_WIDGET (self->amount_grid), gtk_check_button_get_active (self->estimate_check));
  clear_field_messages (self);
  show_stored (self, id, &row, events);
  self->dirty = FALSE;
}

/* ---- Session ---------------------------------------------------------------- */

static void
on_evaluator_changed (EmCapacityPage *self)
{
  evaluate (self);
}

void
em_capacity_page_set_session (GtkWidget *page,
                              EmSession *session)
{
  EmCapacityPage *self = EM_CAPACITY_PAGE (page);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_swapped (session, "notify::evaluator", G_CALLBACK (on_evaluator_changed), self);
  start_new (self);
}

static void
em_capacity_page_dispose (GObject *object)
{
  EmCapacityPage *self = EM_CAPACITY_PAGE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->current);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_CAPACITY_PAGE);
  G_OBJECT_CLASS (em_capacity_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, EmCapacityPage, name)

static void
em_capacity_page_class_init (EmCapacityPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = em_capacity_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/co/gov/anm/EvaluadorMinero/ui/em-capacity-page.ui");
  BIND (paned); BIND (form_box); BIND (name_entry); BIND (document_entry); BIND (radicado_entry);
  BIND (date_entry); BIND (document_type_dropdown); BIND (person_dropdown); BIND (role_dropdown);
  BIND (procedure_dropdown); BIND (regimen_dropdown); BIND (document_message); BIND (date_message);
  BIND (simple_box); BIND (common_box); BIND (simple_grid); BIND (accounts_grid); BIND (amount_grid);
  BIND (common_grid); BIND (estimate_check); BIND (aval_check); BIND (banner_label); BIND (verdict_label);
  BIND (missing_label); BIND (indicators_grid); BIND (ktno_label); BIND (observations_label);
  BIND (rules_label); BIND (case_box); BIND (case_title); BIND (case_details); BIND (history_label);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_regimen_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_estimate_toggled);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "page.requerimiento", NULL, requerimiento_activated);
  gtk_widget_class_install_action (widget_class, "page.subsanacion", NULL, subsanacion_activated);
  gtk_widget_class_install_action (widget_class, "page.aval", NULL, aval_activated);
  gtk_widget_class_install_action (widget_class, "page.rechazar", NULL, rechazar_activated);
  gtk_widget_class_install_action (widget_class, "page.anular", NULL, anular_activated);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_pdf_activated);
}

static void
em_capacity_page_init (EmCapacityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_money_rows (self);
  update_actions (self);
}
