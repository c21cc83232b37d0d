/* em-tariff-view.h — what the tariff page shows of a result, without widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "em-case-chain.h"
#include "em-tariff-schedule.h"

G_BEGIN_DECLS

typedef struct
{
  char *code;       /* "TPM" */
  char *name;       /* "Tamaño, producción y minerales" */
  char *formula;    /* "$ 1.000.000 × 0,682 × 1,17 (pequeña minería)" */
  char *amount;     /* "$ 797.940,00" */
} EmTariffComponentView;

typedef struct
{
  char *segment;    /* "Tipo de título" */
  char *row;        /* "NO PIN" */
  char *days;       /* "1,15 días" */
} EmTariffDaysView;

/* What the results panel shows of a result (CONTRACT.md JSON). */
typedef struct
{
  char                  *clase;             /* "Pequeña minería" */
  char                  *clase_reason;      /* the row and bound that decided it */
  char                  *clase_basis;       /* "Decreto 1666 de 2016, …" */
  char                  *charge;            /* "✔ SE COBRA — criterio 2" / "✘ NO SE COBRA" */
  const char            *charge_class;      /* CSS: "cobro" or "sin-cobro" */
  char                  *explanation;       /* the engine's one sentence */
  EmTariffComponentView  components[4];
  char                  *valor_inspeccion;  /* "$ 1.210.730" */
  char                  *tarifa;            /* "$ 1.210.730", "$ 0" when not charged */
  char                  *tarifa_note;       /* why the tarifa is 0, or NULL */
  GPtrArray             *days;              /* EmTariffDaysView */
  char                  *days_basis;
  char                  *observations;      /* one "• …" per line, or NULL */
  char                  *schedule_id;       /* "anexo-tecnico-ilustrativo" */
  gboolean               official;
} EmTariffView;

/* The tarifario line over the results. */
typedef struct
{
  const char *title;       /* "Tarifario en uso", "Tarifario con que se evaluó" */
  char     *text;          /* "Nombre.\nIdentificador «id», vigente desde el 01/01/2024." */
  gboolean  official;
  char     *mark;          /* "ILUSTRATIVO — NO OFICIAL", or NULL when official */
} EmScheduleView;

EmTariffView    *em_tariff_view_new          (JsonObject         *result);
void             em_tariff_view_free         (EmTariffView       *view);

EmScheduleView  *em_schedule_view_new        (EmTariffSchedule   *schedule);
EmScheduleView  *em_schedule_view_new_stored (const char         *id,
                                              gboolean            official,
                                              EmTariffSchedule   *current);
void             em_schedule_view_free       (EmScheduleView     *view);

char            *em_tariff_describe_event    (const EmCaseEvent  *event);
char            *em_tariff_describe_moment   (const char         *iso8601);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmTariffView, em_tariff_view_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmScheduleView, em_schedule_view_free)

G_END_DECLS
