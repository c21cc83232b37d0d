/* em-session.c — what the window's pages share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open case store, the evaluator with the rule set and tarifario in
 * use, and the evaluator's name.  Pages listen: «cases-changed» after a
 * case is saved or moves in its procedure, «open-case» to show one.
 */
#define G_LOG_DOMAIN "em-session"

#include "config.h"

#include "em-session.h"

struct _EmSession
{
  GObject      parent_instance;
  EmCaseStore *store;
  EmEvaluator *evaluator;
  char        *evaluator_name;
};

G_DEFINE_FINAL_TYPE (EmSession, em_session, G_TYPE_OBJECT)

enum { PROP_0, PROP_EVALUATOR, PROP_EVALUATOR_NAME, N_PROPS };
enum { CASES_CHANGED, OPEN_CASE, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
em_session_finalize (GObject *object)
{
  EmSession *self = EM_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->evaluator);
  g_free (self->evaluator_name);
  G_OBJECT_CLASS (em_session_parent_class)->finalize (object);
}

static void
em_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EmSession *self = EM_SESSION (object);

  switch (prop_id)
    {
    case PROP_EVALUATOR:
      g_value_set_object (value, self->evaluator);
      break;
    case PROP_EVALUATOR_NAME:
      g_value_set_string (value, self->evaluator_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_session_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  EmSession *self = EM_SESSION (object);

  switch (prop_id)
    {
    case PROP_EVALUATOR:
      em_session_set_evaluator (self, g_value_get_object (value));
      break;
    case PROP_EVALUATOR_NAME:
      em_session_set_evaluator_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_session_class_init (EmSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = em_session_finalize;
  object_class->get_property = em_session_get_property;
  object_class->set_property = em_session_set_property;

  properties[PROP_EVALUATOR] =
    g_param_spec_object ("evaluator", NULL, NULL, EM_TYPE_EVALUATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVALUATOR_NAME] =
    g_param_spec_string ("evaluator-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CASES_CHANGED] = g_signal_new ("cases-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OPEN_CASE] = g_signal_new ("open-case", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
em_session_init (EmSession *self)
{
  self->evaluator_name = g_strdup ("");
}

EmSession *
em_session_new (EmCaseStore *store,
                EmEvaluator *evaluator)
{
  EmSession *self = g_object_new (EM_TYPE_SESSION, NULL);

  g_return_val_if_fail (store == NULL || EM_IS_CASE_STORE (store), NULL);
  self->store = store ? g_object_ref (store) : NULL;
  self->evaluator = g_object_ref (evaluator);
  return self;
}

/* NULL when the case database could not be opened (the window says why). */
EmCaseStore *
em_session_get_store (EmSession *self)
{
  g_return_val_if_fail (EM_IS_SESSION (self), NULL);
  return self->store;
}

EmEvaluator *
em_session_get_evaluator (EmSession *self)
{
  g_return_val_if_fail (EM_IS_SESSION (self), NULL);
  return self->evaluator;
}

void
em_session_set_evaluator (EmSession   *self,
                          EmEvaluator *evaluator)
{
  g_return_if_fail (EM_IS_SESSION (self) && EM_IS_EVALUATOR (evaluator));
  if (g_set_object (&self->evaluator, evaluator))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATOR]);
}

const char *
em_session_get_evaluator_name (EmSession *self)
{
  g_return_val_if_fail (EM_IS_SESSION (self), NULL);
  return self->evaluator_name;
}

void
em_session_set_evaluator_name (EmSession  *self,
                               const char *name)
{
  g_return_if_fail (EM_IS_SESSION (self));
  if (g_strcmp0 (self->evaluator_name, name ? name : "") == 0)
    return;
  g_free (self->evaluator_name);
  self->evaluator_name = g_strdup (name ? name : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATOR_NAME]);
}

void
em_session_cases_changed (EmSession *self,
                          gint64     id)
{
  g_return_if_fail (EM_IS_SESSION (self));
  g_signal_emit (self, signals[CASES_CHANGED], 0, id);
}

void
em_session_open_case (EmSession *self,
                      gint64     id)
{
  g_return_if_fail (EM_IS_SESSION (self));
  g_signal_emit (self, signals[OPEN_CASE], 0, id);
}
