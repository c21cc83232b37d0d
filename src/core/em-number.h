/* em-number.h — exact decimal numbers and ratios
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 128-bit integers carry every legal comparison exactly (cross-multiplied). */
typedef __int128 EmInt128;

/* A decimal with up to 6 places, stored as value × 10⁶ ("micros"). */
typedef gint64 EmDecimal;
#define EM_DECIMAL_ONE G_GINT64_CONSTANT (1000000)
#define EM_DECIMAL_PLACES 6

#define EM_NUMBER_ERROR (em_number_error_quark ())

typedef enum
{
  EM_NUMBER_ERROR_SYNTAX,
  EM_NUMBER_ERROR_NEGATIVE,
  EM_NUMBER_ERROR_TOO_MANY_DECIMALS,
  EM_NUMBER_ERROR_RANGE,
} EmNumberError;

typedef enum
{
  EM_NUMBER_PLAIN,        /* "1234.56": digits, optional point and decimals */
  EM_NUMBER_JSON,         /* a JSON number token: also exponent ("1.5e3") */
} EmNumberSyntax;

/* What keeps a text from being a number written the Colombian way
 * ("1.234.567,89": the point groups thousands, the comma marks decimals). */
typedef enum
{
  EM_COLOMBIAN_OK,
  EM_COLOMBIAN_EMPTY,
  EM_COLOMBIAN_NEGATIVE,
  EM_COLOMBIAN_COMMA_BEFORE_POINT,
  EM_COLOMBIAN_TWO_COMMAS,
  EM_COLOMBIAN_BAD_GROUPING,       /* a point that does not group thousands */
  EM_COLOMBIAN_NOT_A_NUMBER,
} EmColombianProblem;

GQuark   em_number_error_quark  (void);

EmColombianProblem em_number_colombian_to_plain (const char *text,
                                                 char      **plain);

gboolean em_number_parse_scaled (const char     *text,
                                 EmNumberSyntax  syntax,
                                 guint           places,
                                 gint64          max_scaled,
                                 gint64         *out_scaled,
                                 GError        **error);

gboolean em_decimal_parse       (const char     *text,
                                 EmNumberSyntax  syntax,
                                 EmDecimal       max,
                                 EmDecimal      *out,
                                 GError        **error);
char    *em_decimal_to_string   (EmDecimal       value);
char    *em_decimal_format_user (EmDecimal       value);

char    *em_scaled_to_string    (gint64          scaled,
                                 guint           places,
                                 char            decimal_mark,
                                 gboolean        group_thousands);

/* An exact ratio num / den, den ≥ 0.  den == 0 has no value to show, but
 * still compares by cross-multiplication (see em_ratio_satisfies). */
typedef struct
{
  EmInt128 num;
  EmInt128 den;
} EmRatio;

typedef enum
{
  EM_COMPARISON_GE,
  EM_COMPARISON_GT,
  EM_COMPARISON_LE,
  EM_COMPARISON_LT,
} EmComparison;

gboolean     em_comparison_parse      (const char   *text,
                                       EmComparison *out);
const char  *em_comparison_to_string  (EmComparison  op);
const char  *em_comparison_describe   (EmComparison  op);

int          em_ratio_compare_decimal (EmRatio       ratio,
                                       EmDecimal     threshold);
gboolean     em_ratio_satisfies       (EmRatio       ratio,
                                       EmComparison  op,
                                       EmDecimal     threshold);
gint64       em_ratio_round           (EmRatio       ratio,
                                       guint         places);
char        *em_ratio_to_string       (EmRatio       ratio,
                                       guint         places,
                                       char          decimal_mark);
gboolean     em_ratio_rounds_to       (EmRatio       ratio,
                                       guint         places,
                                       EmDecimal     threshold);

G_END_DECLS
