/* em-ui-dialogs.c — small modal questions: confirm, error, ask a text
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no GtkAlertDialog: confirmations and errors use
 * GtkMessageDialog; a text (a reason, the evaluator's name) is asked in a
 * small modal window.  All answers come back through callbacks.
 */
#define G_LOG_DOMAIN "em-ui-dialogs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-ui-dialogs.h"

static GtkWindow *
parent_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
em_ui_error (GtkWidget  *widget,
             const char *title,
             const char *detail)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent_of (widget), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", title);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  EmUiCallback       accepted;
  EmUiReasonCallback reason_accepted;
  gpointer           data;
  GtkEntry          *entry;
} Pending;

static void
on_confirm_response (GtkDialog *dialog, int response, Pending *pending)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    pending->accepted (pending->data);
  g_free (pending);
}

void
em_ui_confirm (GtkWidget    *widget,
               const char   *title,
               const char   *detail,
               const char   *accept_label,
               EmUiCallback  accepted,
               gpointer      data)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent_of (widget), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", title);
  Pending *pending = g_new0 (Pending, 1);
  GtkWidget *accept;

  pending->accepted = accepted;
  pending->data = data;
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancelar"), GTK_RESPONSE_CANCEL);
  accept = gtk_dialog_add_button (GTK_DIALOG (dialog), accept_label, GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (accept, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reason_response (GtkDialog *dialog, int response, Pending *pending)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pending->entry))));

  if (response == GTK_RESPONSE_ACCEPT && text[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (pending->entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (pending->entry));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    pending->reason_accepted (pending->data, text);
  g_free (pending);
}

/* Asks for a non-empty text; @accepted gets it. */
void
em_ui_ask_reason (GtkWidget          *widget,
                  const char         *title,
                  const char         *detail,
                  const char         *entry_label,
                  const char         *accept_label,
                  EmUiReasonCallback  accepted,
                  gpointer            data)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent_of (widget), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", title);
  GtkWidget *area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  GtkWidget *label = gtk_label_new_with_mnemonic (entry_label);
  GtkWidget *entry = gtk_entry_new ();
  Pending *pending = g_new0 (Pending, 1);

  pending->reason_accepted = accepted;
  pending->data = data;
  pending->entry = GTK_ENTRY (entry);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (area), label);
  gtk_box_append (GTK_BOX (area), entry);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancelar"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), accept_label, GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reason_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

typedef struct
{
  EmSession   *session;
  EmUiCallback then;
  gpointer     data;
} NameRequest;

static void
on_name_given (NameRequest *request, const char *name)
{
  em_session_set_evaluator_name (request->session, name);
  if (request->then != NULL)
    request->then (request->data);
  g_object_unref (request->session);
  g_free (request);
}

/* TRUE when the evaluator's name is known; otherwise asks for it (it is
 * kept in the preferences) and then calls @then. */
gboolean
em_ui_require_evaluator (GtkWidget    *widget,
                         EmSession    *session,
                         EmUiCallback  then,
                         gpointer      data)
{
  g_autofree char *name = g_strstrip (g_strdup (em_session_get_evaluator_name (session)));
  NameRequest *request;

  if (name[0] != '\0')
    return TRUE;
  request = g_new0 (NameRequest, 1);
  request->session = g_object_ref (session);
  request->then = then;
  request->data = data;
  em_ui_ask_reason (widget, _("¿Quién evalúa?"),
                    _("Cada caso guarda el nombre de quien lo evaluó. Se recordará en las preferencias."),
                    _("_Nombre del evaluador"), _("_Continuar"), (EmUiReasonCallback) on_name_given, request);
  return FALSE;
}
