/* em-report-pen.c — text, rules and tables down a column of a page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One Pango context at 72 dpi, so a font size in points is a size in user
 * units, with hinting off and unrounded glyph positions: a layout measures
 * the same on a PDF surface, on a printer's cairo_t and in a dry run, and
 * the summary can be measured before it is drawn.  A pen without a cairo_t
 * only measures.  Every size goes through pen->scale, so a summary that
 * would not fit is drawn again a little smaller, never on a second page.
 *
 * The type is DejaVu Sans (fonts-dejavu-core; condensed from
 * fonts-dejavu-extra): full Spanish coverage, and Cairo embeds the subset
 * it uses in the PDF, so the document looks the same everywhere.
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include "em-report-private.h"

const EmColor em_color_text   = { 0.10, 0.10, 0.10 };
const EmColor em_color_label  = { 0.38, 0.38, 0.38 };
const EmColor em_color_rule   = { 0.55, 0.55, 0.55 };
const EmColor em_color_accent = { 0.09, 0.20, 0.36 };
const EmColor em_color_good   = { 0.08, 0.38, 0.16 };
const EmColor em_color_bad    = { 0.62, 0.08, 0.08 };
const EmColor em_color_warn   = { 0.52, 0.33, 0.00 };
const EmColor em_color_shade  = { 0.93, 0.94, 0.95 };

typedef struct
{
  const char   *family;
  double        size;
  PangoWeight   weight;
  PangoStretch  stretch;
  double        letter_spacing;   /* points; > 0 also means upper case */
} FontStyle;

static const FontStyle fonts[EM_N_FONTS] = {
  [EM_FONT_TITLE]      = { "DejaVu Sans", 12.5, PANGO_WEIGHT_BOLD, PANGO_STRETCH_NORMAL, 0 },
  [EM_FONT_SUBTITLE]   = { "DejaVu Sans", 10.5, PANGO_WEIGHT_NORMAL, PANGO_STRETCH_NORMAL, 0 },
  [EM_FONT_SECTION]    = { "DejaVu Sans", 7.5, PANGO_WEIGHT_BOLD, PANGO_STRETCH_NORMAL, 0.45 },
  [EM_FONT_BODY]       = { "DejaVu Sans", 8.8, PANGO_WEIGHT_NORMAL, PANGO_STRETCH_NORMAL, 0 },
  [EM_FONT_BODY_BOLD]  = { "DejaVu Sans", 8.8, PANGO_WEIGHT_BOLD, PANGO_STRETCH_NORMAL, 0 },
  [EM_FONT_LABEL]      = { "DejaVu Sans", 7.8, PANGO_WEIGHT_NORMAL, PANGO_STRETCH_NORMAL, 0 },
  [EM_FONT_SMALL]      = { "DejaVu Sans", 7.2, PANGO_WEIGHT_NORMAL, PANGO_STRETCH_NORMAL, 0 },
  [EM_FONT_VERDICT]    = { "DejaVu Sans", 19, PANGO_WEIGHT_BOLD, PANGO_STRETCH_NORMAL, 0 },
  [EM_FONT_CODE]       = { "DejaVu Sans Mono", 15, PANGO_WEIGHT_BOLD, PANGO_STRETCH_NORMAL, 0 },
  [EM_FONT_TABLE]      = { "DejaVu Sans", 7.4, PANGO_WEIGHT_NORMAL, PANGO_STRETCH_CONDENSED, 0 },
  [EM_FONT_TABLE_BOLD] = { "DejaVu Sans", 7.4, PANGO_WEIGHT_BOLD, PANGO_STRETCH_CONDENSED, 0 },
  [EM_FONT_TABLE_HEAD] = { "DejaVu Sans", 7.4, PANGO_WEIGHT_NORMAL, PANGO_STRETCH_CONDENSED, 0 },
  [EM_FONT_MARK]       = { "DejaVu Sans", 100, PANGO_WEIGHT_BOLD, PANGO_STRETCH_NORMAL, 0 },
};

/* Cells of the case list are one line, cut with «…»; other text wraps. */
static gboolean
is_single_line (EmFont font)
{
  return font == EM_FONT_TABLE || font == EM_FONT_TABLE_BOLD;
}

static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("es-co"));
  cairo_font_options_destroy (options);
  return context;
}

void
em_pen_init (EmPen   *pen,
             cairo_t *cr,
             double   x,
             double   width,
             double   y)
{
  *pen = (EmPen) { cr, create_context (), 1.0, x, width, y, NULL };
}

/* ---- Layouts kept between measuring and drawing ----------------------- */

/* A summary is measured (at one scale or more) and then drawn: the same
 * text in the same font, width and alignment is laid out once.  Layouts of
 * one context, so one thread. */
struct _EmPenLayouts
{
  PangoContext *context;
  GHashTable   *layouts;   /* LayoutKey → PangoLayout */
};

typedef struct
{
  EmFont          font;
  PangoAlignment  align;
  double          scale;
  double          width;
  char           *text;
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) ^ (guint) key->font ^ ((guint) key->align << 8)
       ^ g_double_hash (&key->scale) ^ g_double_hash (&key->width);
}

static gboolean
layout_key_equal (gconstpointer a, gconstpointer b)
{
  const LayoutKey *x = a, *y = b;

  return x->font == y->font && x->align == y->align && x->scale == y->scale && x->width == y->width
      && strcmp (x->text, y->text) == 0;
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free (key->text);
  g_free (key);
}

EmPenLayouts *
em_pen_layouts_new (void)
{
  EmPenLayouts *kept = g_new0 (EmPenLayouts, 1);

  kept->context = create_context ();
  kept->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, g_object_unref);
  return kept;
}

void
em_pen_layouts_free (EmPenLayouts *kept)
{
  g_clear_pointer (&kept->layouts, g_hash_table_unref);
  g_clear_object (&kept->context);
  g_free (kept);
}

/* The layouts this thread keeps from one summary to the next: labels,
 * titles and the rules' sentences repeat on every page.  Emptied when
 * they pass KEPT_PER_THREAD, so memory stays bounded (a few MB). */
#define KEPT_PER_THREAD 4000

static GPrivate thread_layouts = G_PRIVATE_INIT ((GDestroyNotify) em_pen_layouts_free);

EmPenLayouts *
em_pen_layouts_of_thread (void)
{
  EmPenLayouts *kept = g_private_get (&thread_layouts);

  if (kept == NULL)
    g_private_set (&thread_layouts, kept = em_pen_layouts_new ());
  else if (g_hash_table_size (kept->layouts) > KEPT_PER_THREAD)
    g_hash_table_remove_all (kept->layouts);
  return kept;
}

/* A pen whose layouts are kept in, and taken from, @kept. */
void
em_pen_init_kept (EmPen        *pen,
                  cairo_t      *cr,
                  EmPenLayouts *kept,
                  double        x,
                  double        width,
                  double        y)
{
  *pen = (EmPen) { cr, g_object_ref (kept->context), 1.0, x, width, y, kept };
}

void
em_pen_clear (EmPen *pen)
{
  g_clear_object (&pen->context);
}

static PangoFontDescription *
font_description (EmFont font, double scale)
{
  PangoFontDescription *description = pango_font_description_new ();

  pango_font_description_set_family_static (description, fonts[font].family);
  pango_font_description_set_absolute_size (description, fonts[font].size * scale * PANGO_SCALE);
  pango_font_description_set_weight (description, fonts[font].weight);
  pango_font_description_set_stretch (description, fonts[font].stretch);
  return description;
}

static void
set_spacing (PangoLayout *layout, EmFont font, double scale)
{
  PangoAttrList *attributes;

  if (fonts[font].letter_spacing <= 0)
    return;
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_letter_spacing_new (fonts[font].letter_spacing * scale * PANGO_SCALE));
  pango_attr_list_insert (attributes, pango_attr_text_transform_new (PANGO_TEXT_TRANSFORM_UPPERCASE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
}

static PangoLayout *
new_layout (EmPen          *pen,
            EmFont          font,
            const char     *text,
            double          width,
            PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (pen->context);
  PangoFontDescription *description = font_description (font, pen->scale);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  set_spacing (layout, font, pen->scale);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (is_single_line (font))
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* A layout of @text (a new reference: not to be changed, it may be kept). */
PangoLayout *
em_pen_layout (EmPen          *pen,
               EmFont          font,
               const char     *text,
               double          width,
               PangoAlignment  align)
{
  LayoutKey key = { font, align, pen->scale, width > 0 ? width : -1, (char *) (text != NULL ? text : "") };
  PangoLayout *layout;

  if (pen->kept == NULL)
    return new_layout (pen, font, text, width, align);
  layout = g_hash_table_lookup (pen->kept->layouts, &key);
  if (layout == NULL)
    {
      LayoutKey *kept_key = g_memdup2 (&key, sizeof key);

      kept_key->text = g_strdup (key.text);
      layout = new_layout (pen, font, text, width, align);
      g_hash_table_insert (pen->kept->layouts, kept_key, layout);
    }
  return g_object_ref (layout);
}

static void
set_color (cairo_t *cr, const EmColor *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

double
em_pen_text_at (EmPen          *pen,
                EmFont          font,
                const EmColor  *color,
                const char     *text,
                double          x,
                double          y,
                double          width,
                PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = em_pen_layout (pen, font, text, width, align);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  if (pen->cr != NULL)
    {
      set_color (pen->cr, color);
      cairo_move_to (pen->cr, x, y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  return (double) height / PANGO_SCALE;
}

double
em_pen_line_height (EmPen  *pen,
                    EmFont  font)
{
  g_autoptr(PangoLayout) layout = em_pen_layout (pen, font, "ÁÑgj", -1, PANGO_ALIGN_LEFT);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

void
em_pen_paragraph (EmPen         *pen,
                  EmFont         font,
                  const EmColor *color,
                  const char    *text)
{
  pen->y += em_pen_text_at (pen, font, color, text, pen->x, pen->y, pen->width, PANGO_ALIGN_LEFT);
  pen->y += 2 * pen->scale;
}

/* A list item: «•» hanging in the margin of its text. */
void
em_pen_bullet (EmPen      *pen,
               const char *text)
{
  double indent = 10 * pen->scale;

  em_pen_text_at (pen, EM_FONT_BODY, &em_color_text, "•", pen->x + 2 * pen->scale, pen->y, -1, PANGO_ALIGN_LEFT);
  pen->y += em_pen_text_at (pen, EM_FONT_BODY, &em_color_text, text, pen->x + indent, pen->y,
                            pen->width - indent, PANGO_ALIGN_LEFT);
  pen->y += 2 * pen->scale;
}

/* A section's name in spaced capitals over a hairline. */
void
em_pen_section (EmPen      *pen,
                const char *title)
{
  pen->y += 9 * pen->scale;
  pen->y += em_pen_text_at (pen, EM_FONT_SECTION, &em_color_accent, title, pen->x, pen->y, pen->width,
                            PANGO_ALIGN_LEFT);
  pen->y += 1.5 * pen->scale;
  em_pen_rule (pen, pen->x, pen->y, pen->width, 0.4, &em_color_rule);
  pen->y += 4 * pen->scale;
}

void
em_pen_space (EmPen  *pen,
              double  points)
{
  pen->y += points * pen->scale;
}

void
em_pen_rule (EmPen         *pen,
             double         x,
             double         y,
             double         width,
             double         thickness,
             const EmColor *color)
{
  if (pen->cr == NULL)
    return;
  set_color (pen->cr, color);
  cairo_set_line_width (pen->cr, thickness);
  cairo_move_to (pen->cr, x, y);
  cairo_line_to (pen->cr, x + width, y);
  cairo_stroke (pen->cr);
}

void
em_pen_fill (EmPen         *pen,
             double         x,
             double         y,
             double         width,
             double         height,
             const EmColor *color)
{
  if (pen->cr == NULL)
    return;
  set_color (pen->cr, color);
  cairo_rectangle (pen->cr, x, y, width, height);
  cairo_fill (pen->cr);
}

/* «Label   value», the value wrapping in its own column; the height. */
double
em_pen_pair_at (EmPen      *pen,
                double      x,
                double      width,
                double      label_width,
                const char *label,
                const char *value)
{
  double label_height, value_height;
  double shift = 0.9 * pen->scale;   /* the smaller label sits on the value's baseline */

  label_height = em_pen_text_at (pen, EM_FONT_LABEL, &em_color_label, label, x, pen->y + shift,
                                 label_width - 4 * pen->scale, PANGO_ALIGN_LEFT);
  value_height = em_pen_text_at (pen, EM_FONT_BODY, &em_color_text, value && value[0] ? value : "—",
                                 x + label_width, pen->y, width - label_width, PANGO_ALIGN_LEFT);
  return MAX (label_height + shift, value_height);
}

/* One row of a table: each cell wraps (or, in the case list, is cut) in
 * its column; the row is as tall as its tallest cell. */
void
em_pen_row (EmPen              *pen,
            const EmColumn     *columns,
            guint               n_columns,
            EmFont              font,
            const char * const *texts)
{
  double padding = 2.2 * pen->scale;
  double height = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      const EmColumn *column = &columns[i];
      double cell = em_pen_text_at (pen, font, &em_color_text, texts[i], pen->x + column->x, pen->y + padding,
                                    column->width, column->align);
      height = MAX (height, cell);
    }
  pen->y += height + 2 * padding;
}

/* Columns given as fractions of the column's width → in points, with
 * 4 points of padding on each side. */
void
em_pen_columns (const EmPen    *pen,
                const EmColumn *fractions,
                EmColumn       *columns,
                guint           n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    columns[i] = (EmColumn) { fractions[i].x * pen->width + 4, fractions[i].width * pen->width - 8, fractions[i].align };
}

/* The titles of a table, small and grey on a shaded band. */
void
em_pen_table_header (EmPen              *pen,
                     const EmColumn     *columns,
                     guint               n_columns,
                     EmFont              font,
                     const char * const *titles)
{
  EmPen measure = *pen;
  double top = pen->y;

  measure.cr = NULL;
  em_pen_row (&measure, columns, n_columns, font, titles);
  em_pen_fill (pen, pen->x, top, pen->width, measure.y - top, &em_color_shade);
  em_pen_row (pen, columns, n_columns, font, titles);
}

/* A shaded band with a bar of @color on its left: @head (in @head_font and
 * @color) over @text.  The verdict, the annulment. */
void
em_pen_band (EmPen         *pen,
             EmFont         head_font,
             const char    *head,
             const char    *text,
             const EmColor *color)
{
  EmPen measure = *pen;
  double inner = 7 * pen->scale, bar = 4, text_x = pen->x + bar + inner, text_width = pen->width - bar - 2 * inner;
  double top = pen->y, height;

  measure.cr = NULL;
  height = em_pen_text_at (&measure, head_font, color, head, 0, 0, text_width, PANGO_ALIGN_LEFT)
           + em_pen_text_at (&measure, EM_FONT_BODY, color, text, 0, 0, text_width, PANGO_ALIGN_LEFT) + 2 * inner;
  em_pen_fill (pen, pen->x, top, pen->width, height, &em_color_shade);
  em_pen_fill (pen, pen->x, top, bar, height, color);
  pen->y = top + inner;
  pen->y += em_pen_text_at (pen, head_font, color, head, text_x, pen->y, text_width, PANGO_ALIGN_LEFT);
  em_pen_text_at (pen, EM_FONT_BODY, &em_color_text, text, text_x, pen->y, text_width, PANGO_ALIGN_LEFT);
  pen->y = top + height + 4 * pen->scale;
}

/* A word across the page from corner to corner, translucent, over the
 * text: it cannot be cut off a copy without it showing.  Drawn as
 * outlines, not text: rotated glyphs would be read by text extraction
 * letter by letter into the middle of other lines (the page says the same
 * in words, in real text, where it belongs). */
void
em_pen_mark (cairo_t       *cr,
             double         width,
             double         height,
             const char    *text,
             const EmColor *color)
{
  EmPen pen;
  g_autoptr(PangoLayout) layout = NULL;
  double diagonal = sqrt (width * width + height * height);
  int text_width, text_height;

  em_pen_init (&pen, cr, 0, width, 0);
  layout = em_pen_layout (&pen, EM_FONT_MARK, text, -1, PANGO_ALIGN_CENTER);
  pango_layout_get_size (layout, &text_width, &text_height);
  pen.scale = MIN (0.72 * diagonal / ((double) text_width / PANGO_SCALE), 1.0);
  g_clear_object (&layout);
  layout = em_pen_layout (&pen, EM_FONT_MARK, text, -1, PANGO_ALIGN_CENTER);
  pango_layout_get_size (layout, &text_width, &text_height);
  cairo_save (cr);
  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, -atan2 (height, width));
  cairo_set_source_rgba (cr, color->r, color->g, color->b, 0.16);
  cairo_move_to (cr, -(double) text_width / PANGO_SCALE / 2, -(double) text_height / PANGO_SCALE / 2);
  pango_cairo_layout_path (cr, layout);
  cairo_fill (cr);
  cairo_restore (cr);
  em_pen_clear (&pen);
}
