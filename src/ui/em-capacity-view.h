/* em-capacity-view.h — what the capacity page shows of a verdict
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *name;          /* "Índice de liquidez" */
  char     *value;         /* "1,2400", or "—" when it has no value */
  char     *comparison;    /* "≥ 1,24" */
  char     *mark;          /* "✔ Cumple", "✘ No cumple", "✔ Cubierto por el aval" */
  gboolean  passes;
  char     *basis;
  char     *note;          /* or NULL */
} EmIndicatorView;

typedef struct
{
  char       *verdict;       /* "CUMPLE" */
  const char *verdict_class; /* CSS: "cumple", "no-cumple", "requiere-aval", "incompleta" */
  GPtrArray  *indicators;    /* EmIndicatorView */
  char       *ktno;          /* "$ 430.555,56", or NULL */
  char       *missing;       /* "Falta: Pasivo corriente, Activo total.", or NULL */
  char       *observations;  /* one "• …" per line, or NULL */
} EmCapacityView;

EmCapacityView *em_capacity_view_new  (JsonObject        *result);
void            em_capacity_view_free (EmCapacityView    *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmCapacityView, em_capacity_view_free)

G_END_DECLS
