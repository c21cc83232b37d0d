/* em-report-period-private.h — the periodic report's data and layout
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-capacity-verdict.h"
#include "em-report-private.h"

G_BEGIN_DECLS

/* One case of the period, as the list shows it. */
typedef struct
{
  gint64      id;
  gint64      created;        /* Unix time */
  EmMoney     tariff;         /* tariff cases */
  EmCaseKind  kind;
  EmCaseState state;
  int         result;         /* EmCapacityResult; -1 for tariffs */
  gboolean    illustrative;   /* the tariff's tarifario is not official */
  const char *name;           /* in the report's string chunk */
  const char *document;
  const char *evaluator;
} EmPeriodRow;

/* A table of the report: columns as fractions of the width; rows of
 * texts, or (the case list) drawn from the period's rows. */
typedef struct
{
  const EmColumn     *columns;
  guint               n_columns;
  const char * const *titles;
  GPtrArray          *rows;    /* GStrv; NULL: the case list */
  EmFont              font;
  EmFont              total_font;
  gboolean            last_is_total;
} EmPeriodTable;

typedef enum
{
  EM_ITEM_SECTION,
  EM_ITEM_HEADER,
  EM_ITEM_ROW,
  EM_ITEM_NOTE,
  EM_ITEM_SPACE,
} EmItemKind;

/* What the pages are made of, in order. */
typedef struct
{
  EmItemKind  kind;
  guint       table;
  guint       row;
  const char *text;           /* sections and notes; owned by the report */
  double      height;
} EmPeriodItem;

typedef struct
{
  guint first_item;
  int   repeat_header;        /* the table whose header opens the page, or -1 */
} EmPeriodPage;

struct _EmReportPeriod
{
  char         *from;
  char         *until;
  GArray       *rows;         /* EmPeriodRow, oldest first */
  GStringChunk *strings;
  GDateTime    *printed_at;

  /* Counts */
  guint         by_state[2][EM_N_CASE_STATES];
  guint         by_result[4][2];          /* [result][annulled] */
  guint         by_charge[2][2];          /* [charged][annulled] */
  EmInt128      official_sum;             /* centavos, without annulled cases */
  EmInt128      illustrative_sum;
  guint         n_illustrative;
  GPtrArray    *evaluators;               /* EmPeriodEvaluator, sorted */

  /* Layout */
  GPtrArray    *texts;                    /* owned texts of items */
  GArray       *tables;                   /* EmPeriodTable */
  GArray       *items;                    /* EmPeriodItem */
  GArray       *pages;                    /* EmPeriodPage */
  double        width;
  double        height;
};

typedef struct
{
  char  *name;
  guint  count[2];                        /* by kind */
} EmPeriodEvaluator;

char  *em_report_period_format_pesos  (EmInt128        centavos);
void   em_report_period_build_tables  (EmReportPeriod *self);
char **em_report_period_list_cells    (EmReportPeriod *self,
                                       guint           row);

extern const EmColumn em_period_list_columns[];
extern const guint    em_period_n_list_columns;

G_END_DECLS
