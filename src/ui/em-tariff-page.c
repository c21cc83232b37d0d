/* em-tariff-page.c — «Tarifa de inspección»: the form and its live result
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The official describes the title and the inspection; on every change the
 * page reads the form (em-tariff-form.h), enables only the inputs the
 * chosen stage uses, evaluates with the session's tarifario and shows the
 * result (em-tariff-view.h): the class and why, whether it is charged and
 * why, the four components, the total and the tarifa, the Tabla 4 days
 * and the observations.  A wrong field is marked with its message and no
 * result is shown.  The tarifario in use sits over the results, with an
 * unmissable mark when it is not official.  Saving, starting anew and
 * showing a stored case are in em-tariff-page-case.c.
 */
#define G_LOG_DOMAIN "em-tariff-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-tariff-page-private.h"

G_DEFINE_FINAL_TYPE (EmTariffPage, em_tariff_page, GTK_TYPE_WIDGET)

static EmTariffSchedule *
current_schedule (EmTariffPage *self)
{
  return em_evaluator_get_schedule (em_session_get_evaluator (self->session));
}

static EmTariffTable *
current_table (EmTariffPage *self)
{
  return em_evaluator_get_table (em_session_get_evaluator (self->session));
}

/* ---- Reading and writing the form ---------------------------------- */

static EmEtapa
selected_etapa (EmTariffPage *self)
{
  if (gtk_toggle_button_get_active (self->exploracion_button))
    return EM_ETAPA_EXPLORACION;
  if (gtk_toggle_button_get_active (self->construccion_button))
    return EM_ETAPA_CONSTRUCCION_MONTAJE;
  if (gtk_toggle_button_get_active (self->explotacion_button))
    return EM_ETAPA_EXPLOTACION;
  return EM_ETAPA_NONE;
}

/* The chosen item, or 0 ("not given") when none. */
static guint
selected (GtkDropDown *dropdown, guint n_values)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return position < n_values ? position : 0;
}

static char *
text_of (GtkEditable *editable)
{
  return g_strdup (gtk_editable_get_text (editable));
}

void
em_tariff_page_read_form (EmTariffPage *self,
                          EmTariffForm *form)
{
  em_tariff_form_clear (form);
  form->expediente = text_of (self->expediente_entry);
  form->titular = text_of (self->titular_entry);
  form->etapa = selected_etapa (self);
  form->area = text_of (self->area_entry);
  form->grupo = selected (self->grupo_dropdown, EM_N_GRUPOS);
  form->sistema = selected (self->sistema_dropdown, EM_N_SISTEMAS);
  form->produccion = text_of (self->produccion_entry);
  form->pin = gtk_check_button_get_active (self->pin_check);
  form->autorizado = gtk_check_button_get_active (self->autorizado_check);
  form->medida = selected (self->medida_dropdown, EM_N_MEDIDAS);
  form->levantamiento = gtk_check_button_get_active (self->levantamiento_check);
  form->nivel = selected (self->nivel_dropdown, EM_N_NIVELES);
  form->numero = text_of (GTK_EDITABLE (self->numero_spin));
}

static void
write_etapa (EmTariffPage *self, EmEtapa etapa)
{
  GtkToggleButton *buttons[] = { NULL, self->exploracion_button, self->construccion_button,
                                 self->explotacion_button };

  for (guint i = 1; i < G_N_ELEMENTS (buttons); i++)
    if (i != etapa)
      gtk_toggle_button_set_active (buttons[i], FALSE);
  if (etapa != EM_ETAPA_NONE)
    gtk_toggle_button_set_active (buttons[etapa], TRUE);
}

static void
write_number (GtkSpinButton *spin, const char *text)
{
  guint64 number = 1;

  g_ascii_string_to_unsigned (text != NULL ? text : "", 10, 1, 1000, &number, NULL);
  gtk_spin_button_set_value (spin, number);
  gtk_editable_set_text (GTK_EDITABLE (spin), text != NULL && text[0] != '\0' ? text : "1");
}

/* Fills the widgets without evaluating on each one. */
void
em_tariff_page_write_form (EmTariffPage       *self,
                           const EmTariffForm *form)
{
  self->updating = TRUE;
  gtk_editable_set_text (self->expediente_entry, form->expediente ? form->expediente : "");
  gtk_editable_set_text (self->titular_entry, form->titular ? form->titular : "");
  write_etapa (self, form->etapa);
  gtk_editable_set_text (self->area_entry, form->area ? form->area : "");
  gtk_drop_down_set_selected (self->grupo_dropdown, form->grupo);
  gtk_drop_down_set_selected (self->sistema_dropdown, form->sistema);
  gtk_editable_set_text (self->produccion_entry, form->produccion ? form->produccion : "");
  gtk_check_button_set_active (self->pin_check, form->pin);
  gtk_check_button_set_active (self->autorizado_check, form->autorizado);
  gtk_drop_down_set_selected (self->medida_dropdown, form->medida);
  gtk_check_button_set_active (self->levantamiento_check, form->levantamiento);
  gtk_drop_down_set_selected (self->nivel_dropdown, form->nivel);
  write_number (self->numero_spin, form->numero);
  self->updating = FALSE;
}

/* ---- Showing the form's state --------------------------------------- */

static const char *
classification_hint (EmEtapa etapa)
{
  if (etapa == EM_ETAPA_NONE)
    return _("Elija primero la etapa: de ella depende cómo se clasifica el título.");
  if (etapa == EM_ETAPA_EXPLOTACION)
    return _("En explotación la clase se decide por la producción anual, según el grupo mineral "
             "y el sistema (Decreto 1666 de 2016; anexo técnico, Tabla 2).");
  return _("En exploración y en construcción y montaje la clase se decide por el área. El sistema "
           "solo se indica si el título está autorizado para explotar.");
}

static void
show_unit (EmTariffPage *self, const EmTariffForm *form)
{
  g_autofree char *unit = NULL;

  if (self->session != NULL && form->etapa == EM_ETAPA_EXPLOTACION)
    unit = em_tariff_production_unit (current_table (self), form->grupo, form->sistema);
  gtk_label_set_text (self->produccion_unit, unit != NULL ? unit : "");
}

/* Moves the keyboard focus from inside @widget (about to be disabled) to
 * @to: a focused entry must not lose its sensitivity under the cursor. */
void
em_tariff_page_release_focus (EmTariffPage *self,
                              GtkWidget    *widget,
                              GtkWidget    *to)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_widget_grab_focus (to);
}

/* Where the focus goes from a field the stage just disabled: the stage. */
static GtkWidget *
stage_button (EmTariffPage *self)
{
  if (gtk_toggle_button_get_active (self->construccion_button))
    return GTK_WIDGET (self->construccion_button);
  if (gtk_toggle_button_get_active (self->explotacion_button))
    return GTK_WIDGET (self->explotacion_button);
  return GTK_WIDGET (self->exploracion_button);
}

/* Enables the inputs this title uses, and says how it is classified. */
void
em_tariff_page_show_form_state (EmTariffPage       *self,
                                const EmTariffForm *form)
{
  EmTariffFormState state;

  em_tariff_form_get_state (form, &state);
  for (guint i = 0; i < EM_N_TARIFF_FIELDS; i++)
    {
      if (!state.enabled[i])
        em_tariff_page_release_focus (self, self->field_inputs[i], stage_button (self));
      gtk_widget_set_sensitive (self->field_inputs[i], state.enabled[i]);
      if (self->field_labels[i] != NULL)
        gtk_widget_set_sensitive (self->field_labels[i], state.enabled[i]);
    }
  gtk_label_set_text (self->classification_hint, classification_hint (form->etapa));
  show_unit (self, form);
}

/* Marks the wrong fields with their messages (none when @outcome is NULL). */
void
em_tariff_page_show_field_errors (EmTariffPage          *self,
                                  const EmTariffOutcome *outcome)
{
  for (guint i = 0; i < EM_N_TARIFF_FIELDS; i++)
    {
      const char *message = outcome != NULL ? outcome->errors[i] : NULL;

      if (self->field_errors[i] == NULL)
        continue;
      if (message != NULL)
        gtk_widget_add_css_class (self->field_marks[i], "error");
      else
        gtk_widget_remove_css_class (self->field_marks[i], "error");
      gtk_label_set_text (self->field_errors[i], message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->field_errors[i]), message != NULL);
    }
}

/* ---- Showing the result -------------------------------------------- */

static void
show_schedule (EmTariffPage *self, EmScheduleView *schedule)
{
  gtk_widget_set_visible (GTK_WIDGET (self->oficial_mark), schedule->mark != NULL);
  gtk_label_set_text (self->oficial_mark, schedule->mark != NULL ? schedule->mark : "");
  gtk_label_set_text (self->schedule_title, schedule->title);
  gtk_label_set_text (self->schedule_label, schedule->text);
}

static void
show_components (EmTariffPage *self, EmTariffView *view)
{
  for (guint i = 0; i < G_N_ELEMENTS (view->components); i++)
    {
      const EmTariffComponentView *c = &view->components[i];

      gtk_label_set_text (self->component_labels[i][0], c->code ? c->code : "");
      gtk_label_set_text (self->component_labels[i][1], c->name ? c->name : "");
      gtk_label_set_text (self->component_labels[i][2], c->formula ? c->formula : "");
      gtk_label_set_text (self->component_labels[i][3], c->amount ? c->amount : "");
    }
  gtk_label_set_text (self->valor_label, view->valor_inspeccion);
  gtk_label_set_text (self->tarifa_label, view->tarifa);
  gtk_widget_set_visible (GTK_WIDGET (self->tarifa_note), view->tarifa_note != NULL);
  gtk_label_set_text (self->tarifa_note, view->tarifa_note ? view->tarifa_note : "");
}

static GtkWidget *
days_cell (const char *text, float xalign, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
show_days (EmTariffPage *self, EmTariffView *view)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_grid))) != NULL)
    gtk_grid_remove (self->days_grid, child);
  for (guint i = 0; i < view->days->len; i++)
    {
      const EmTariffDaysView *days = g_ptr_array_index (view->days, i);

      gtk_grid_attach (self->days_grid, days_cell (days->segment, 0, "dim-label"), 0, i, 1, 1);
      gtk_grid_attach (self->days_grid, days_cell (days->row, 0, NULL), 1, i, 1, 1);
      gtk_grid_attach (self->days_grid, days_cell (days->days, 1, "numeric"), 2, i, 1, 1);
    }
  gtk_label_set_text (self->days_basis, view->days_basis ? view->days_basis : "");
}

static void
set_charge_class (GtkWidget *label, const char *css_class)
{
  gtk_widget_remove_css_class (label, "cobro");
  gtk_widget_remove_css_class (label, "sin-cobro");
  gtk_widget_add_css_class (label, css_class);
}

/* Shows a result (live or stored) and the tarifario it was computed with. */
void
em_tariff_page_show_view (EmTariffPage   *self,
                          EmTariffView   *view,
                          EmScheduleView *schedule)
{
  show_schedule (self, schedule);
  gtk_label_set_text (self->clase_label, view->clase);
  gtk_label_set_text (self->clase_reason, view->clase_reason ? view->clase_reason : "");
  gtk_label_set_text (self->clase_basis, view->clase_basis ? view->clase_basis : "");
  gtk_label_set_text (self->charge_label, view->charge);
  set_charge_class (GTK_WIDGET (self->charge_label), view->charge_class);
  gtk_label_set_text (self->explanation_label, view->explanation ? view->explanation : "");
  show_components (self, view);
  show_days (self, view);
  gtk_widget_set_visible (self->observations_section, view->observations != NULL);
  gtk_label_set_text (self->observations_label, view->observations ? view->observations : "");
  gtk_stack_set_visible_child_name (self->results_stack, "resultado");
}

static void
show_no_result (EmTariffPage *self, const EmTariffOutcome *outcome, EmEtapa etapa)
{
  g_autoptr(EmScheduleView) schedule = em_schedule_view_new (current_schedule (self));

  show_schedule (self, schedule);
  if (etapa == EM_ETAPA_NONE && !em_tariff_outcome_has_errors (outcome))
    {
      gtk_label_set_text (self->empty_title, _("Empiece por la etapa del título"));
      gtk_label_set_text (self->empty_detail, _("El resultado aparece aquí mientras escribe: la clase "
                                                "del título, si la inspección se cobra y por qué, "
                                                "y la tarifa."));
    }
  else if (em_tariff_outcome_has_errors (outcome))
    {
      gtk_label_set_text (self->empty_title, _("Corrija los datos marcados"));
      gtk_label_set_text (self->empty_detail, _("Mientras un dato no sea válido no se calcula nada: "
                                                "el mensaje bajo cada campo dice qué falla."));
    }
  else
    {
      gtk_label_set_text (self->empty_title, _("Faltan datos para calcular la tarifa"));
      gtk_label_set_text (self->empty_detail, outcome->missing ? outcome->missing : "");
    }
  gtk_stack_set_visible_child_name (self->results_stack, "vacio");
}

static void
show_outcome (EmTariffPage *self, const EmTariffOutcome *outcome, EmEtapa etapa)
{
  g_autoptr(EmTariffView) view = NULL;
  g_autoptr(EmScheduleView) schedule = NULL;

  em_tariff_page_show_field_errors (self, outcome);
  if (outcome->result == NULL)
    {
      show_no_result (self, outcome, etapa);
      return;
    }
  view = em_tariff_view_new (json_node_get_object (outcome->result));
  schedule = em_schedule_view_new (current_schedule (self));
  em_tariff_page_show_view (self, view, schedule);
}

/* Evaluates the form as it is now and shows the outcome. */
void
em_tariff_page_refresh (EmTariffPage *self)
{
  g_auto(EmTariffForm) form = { 0 };

  if (self->session == NULL || self->viewing)
    return;
  em_tariff_page_read_form (self, &form);
  em_tariff_page_show_form_state (self, &form);
  g_clear_pointer (&self->outcome, em_tariff_outcome_free);
  self->outcome = em_tariff_form_evaluate (&form, current_table (self), current_schedule (self));
  show_outcome (self, self->outcome, form.etapa);
  em_tariff_page_update_actions (self);
}

/* ---- Notices and actions ------------------------------------------- */

void
em_tariff_page_show_notice (EmTariffPage   *self,
                            GtkMessageType  type,
                            const char     *message,
                            gboolean        with_case)
{
  gtk_info_bar_set_message_type (self->notice_bar, type);
  gtk_label_set_text (self->notice_label, message);
  gtk_widget_set_visible (self->notice_button, with_case);
  gtk_info_bar_set_revealed (self->notice_bar, TRUE);
}

static void
on_notice_response (GtkInfoBar *bar, int response, EmTariffPage *self)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static void
on_notice_button_clicked (GtkButton *button, EmTariffPage *self)
{
  gtk_info_bar_set_revealed (self->notice_bar, FALSE);
  if (self->session != NULL && self->saved_id > 0)
    em_session_open_case (self->session, self->saved_id);
}

void
em_tariff_page_update_actions (EmTariffPage *self)
{
  gboolean ready = self->session != NULL && em_session_get_store (self->session) != NULL;
  gboolean evaluated = self->outcome != NULL && self->outcome->result != NULL;

  em_page_set_action_enabled (GTK_WIDGET (self), "page.save",
                                 ready && !self->viewing && evaluated && self->unsaved);
  em_page_set_action_enabled (GTK_WIDGET (self), "page.new", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.resume", self->viewing && self->has_draft);
  /* A stored case prints; an evaluation that could be saved offers to save first. */
  em_page_set_action_enabled (GTK_WIDGET (self), "page.print",
                              em_tariff_page_printable_id (self) > 0
                              || (ready && !self->viewing && evaluated && self->unsaved));
  em_page_set_action_enabled (GTK_WIDGET (self), "page.export-pdf",
                              em_page_get_action_enabled (GTK_WIDGET (self), "page.print"));
}

static void
save_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  em_tariff_page_save (EM_TARIFF_PAGE (widget));
}

static void
new_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  em_tariff_page_new (EM_TARIFF_PAGE (widget));
}

static void
resume_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  em_tariff_page_resume (EM_TARIFF_PAGE (widget));
}

static void
print_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  em_tariff_page_print (EM_TARIFF_PAGE (widget), FALSE);
}

static void
export_pdf_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  em_tariff_page_print (EM_TARIFF_PAGE (widget), TRUE);
}

/* ---- Reacting to the official -------------------------------------- */

static void
on_form_changed (EmTariffPage *self)
{
  if (self->updating || self->viewing)
    return;
  self->unsaved = TRUE;
  gtk_info_bar_set_revealed (self->notice_bar, FALSE);
  em_tariff_page_refresh (self);
}

/* A new stage brings its default for «autorizado para explotar»: yes in
 * explotación, no before it (CONTRACT.md). */
static void
on_etapa_toggled (GtkToggleButton *button, EmTariffPage *self)
{
  if (self->updating || self->viewing || !gtk_toggle_button_get_active (button))
    return;
  self->updating = TRUE;
  gtk_check_button_set_active (self->autorizado_check, button == self->explotacion_button);
  self->updating = FALSE;
  on_form_changed (self);
}

static void
on_evaluator_changed (EmTariffPage *self)
{
  em_tariff_page_refresh (self);
}

/* ---- The class ----------------------------------------------------- */

static void
em_tariff_page_dispose (GObject *object)
{
  EmTariffPage *self = EM_TARIFF_PAGE (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->outcome, em_tariff_outcome_free);
  em_tariff_form_clear (&self->draft);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_TARIFF_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (em_tariff_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, EmTariffPage, name)

static void
bind_children (GtkWidgetClass *widget_class)
{
  BIND (notice_bar); BIND (notice_label); BIND (notice_button);
  BIND (case_header); BIND (case_title); BIND (case_facts); BIND (case_code); BIND (case_integrity);
  BIND (case_new_button);
  BIND (form_box); BIND (expediente_entry); BIND (titular_entry); BIND (etapa_box);
  BIND (exploracion_button); BIND (construccion_button); BIND (explotacion_button);
  BIND (pin_check); BIND (autorizado_check); BIND (classification_hint);
  BIND (area_label); BIND (area_box); BIND (area_entry); BIND (grupo_label); BIND (grupo_dropdown);
  BIND (sistema_label); BIND (sistema_dropdown); BIND (produccion_label); BIND (produccion_box);
  BIND (produccion_entry); BIND (produccion_unit); BIND (medida_dropdown); BIND (levantamiento_check);
  BIND (nivel_label); BIND (nivel_dropdown); BIND (numero_spin);
  BIND (etapa_error); BIND (area_error); BIND (grupo_error); BIND (sistema_error);
  BIND (produccion_error); BIND (nivel_error); BIND (numero_error);
  BIND (oficial_mark); BIND (schedule_title); BIND (schedule_label); BIND (results_stack); BIND (empty_title);
  BIND (empty_detail); BIND (clase_label); BIND (clase_reason); BIND (clase_basis);
  BIND (charge_label); BIND (explanation_label); BIND (components_grid); BIND (valor_label);
  BIND (tarifa_label); BIND (tarifa_note); BIND (days_grid); BIND (days_basis);
  BIND (observations_section); BIND (observations_label); BIND (history_section); BIND (history_box);
}

#undef BIND

static void
em_tariff_page_class_init (EmTariffPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = em_tariff_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/gov/anm/EvaluadorMinero/ui/em-tariff-page.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_etapa_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_response);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_button_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "page.resume", NULL, resume_activated);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_pdf_activated);
}

/* The four rows of the fee: code, name and formula, amount. */
static void
build_component_rows (EmTariffPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->component_labels); i++)
    {
      GtkWidget *code = days_cell ("", 0, "heading");
      GtkWidget *name = days_cell ("", 0, NULL);
      GtkWidget *formula = days_cell ("", 0, "caption");
      GtkWidget *amount = days_cell ("", 1, "numeric");
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_set_valign (code, GTK_ALIGN_START);
      gtk_widget_add_css_class (formula, "dim-label");
      gtk_widget_set_hexpand (box, TRUE);
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), formula);
      gtk_grid_attach (self->components_grid, code, 0, i, 1, 1);
      gtk_grid_attach (self->components_grid, box, 1, i, 1, 1);
      gtk_grid_attach (self->components_grid, amount, 2, i, 1, 1);
      self->component_labels[i][0] = GTK_LABEL (code);
      self->component_labels[i][1] = GTK_LABEL (name);
      self->component_labels[i][2] = GTK_LABEL (formula);
      self->component_labels[i][3] = GTK_LABEL (amount);
    }
}

static void
map_field (EmTariffPage *self, EmTariffField field, gpointer input, gpointer label, GtkLabel *error)
{
  self->field_inputs[field] = GTK_WIDGET (input);
  self->field_marks[field] = GTK_WIDGET (input);
  self->field_labels[field] = label != NULL ? GTK_WIDGET (label) : NULL;
  self->field_errors[field] = error;
}

static void
map_fields (EmTariffPage *self)
{
  map_field (self, EM_TARIFF_FIELD_ETAPA, self->etapa_box, NULL, self->etapa_error);
  map_field (self, EM_TARIFF_FIELD_AREA, self->area_box, self->area_label, self->area_error);
  map_field (self, EM_TARIFF_FIELD_GRUPO, self->grupo_dropdown, self->grupo_label, self->grupo_error);
  map_field (self, EM_TARIFF_FIELD_SISTEMA, self->sistema_dropdown, self->sistema_label, self->sistema_error);
  map_field (self, EM_TARIFF_FIELD_PRODUCCION, self->produccion_box, self->produccion_label,
             self->produccion_error);
  map_field (self, EM_TARIFF_FIELD_PIN, self->pin_check, NULL, NULL);
  map_field (self, EM_TARIFF_FIELD_AUTORIZADO, self->autorizado_check, NULL, NULL);
  map_field (self, EM_TARIFF_FIELD_MEDIDA, self->medida_dropdown, NULL, NULL);
  map_field (self, EM_TARIFF_FIELD_LEVANTAMIENTO, self->levantamiento_check, NULL, NULL);
  map_field (self, EM_TARIFF_FIELD_NIVEL, self->nivel_dropdown, self->nivel_label, self->nivel_error);
  map_field (self, EM_TARIFF_FIELD_NUMERO, self->numero_spin, NULL, self->numero_error);
  self->field_marks[EM_TARIFF_FIELD_AREA] = GTK_WIDGET (self->area_entry);
  self->field_marks[EM_TARIFF_FIELD_PRODUCCION] = GTK_WIDGET (self->produccion_entry);
}

static void
em_tariff_page_init (EmTariffPage *self)
{
  g_auto(EmTariffForm) blank = { 0 };

  gtk_widget_init_template (GTK_WIDGET (self));
  build_component_rows (self);
  map_fields (self);
  em_tariff_page_show_form_state (self, &blank);
  em_tariff_page_update_actions (self);
}

void
em_tariff_page_set_session (GtkWidget *page,
                            EmSession *session)
{
  EmTariffPage *self = EM_TARIFF_PAGE (page);

  g_return_if_fail (EM_IS_TARIFF_PAGE (page) && EM_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_swapped (session, "notify::evaluator", G_CALLBACK (on_evaluator_changed), self);
  em_tariff_page_refresh (self);
}
