#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Spanish catalog: valid, complete (no untranslated, no fuzzy), and in
# step with the sources (every marked string is in it).  Prints TAP.
set -u
top=$1
echo "1..4"

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$top/po/es.po" 2>&1)
if [ $? -eq 0 ]; then echo "ok 1 - es.po passes msgfmt --check"; else echo "not ok 1 - es.po passes msgfmt --check"; echo "# $stats"; fi

case "$stats" in
  *untranslated*|*fuzzy*) echo "not ok 2 - es.po has no untranslated or fuzzy messages"; echo "# $stats" ;;
  *) echo "ok 2 - es.po has no untranslated or fuzzy messages" ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$top" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   -f po/POTFILES.in -o "$tmp/sources.pot" 2>"$tmp/err")
missing=$(msgcomm --less-than=2 --unique "$tmp/sources.pot" "$top/po/es.po" 2>/dev/null \
          | msgattrib --no-obsolete 2>/dev/null | grep -c '^msgid "[^"]')
listed=$(cd "$top" && ls src/*/*.c resources/*.ui resources/*/*.ui 2>/dev/null | grep -v '/main\.c$' | while read -r f; do
           grep -qx "$f" po/POTFILES.in || echo "$f"; done)
if [ "$missing" -eq 0 ] && [ -z "$listed" ]; then
  echo "ok 3 - es.po and POTFILES.in are in step with the sources"
else
  echo "not ok 3 - es.po and POTFILES.in are in step with the sources"
  echo "# $missing message(s) differ between sources and es.po; files not in POTFILES.in: $listed"
  echo "# run build-aux/update-po"
fi

# A printf macro inside _() (e.g. "%" G_GINT64_FORMAT) cuts the message short.
cut=$(grep -c '^msgid ".*%"$' "$top/po/es.po")
if [ "$cut" -eq 0 ]; then echo "ok 4 - no message is cut short by a format macro inside _()"
else echo "not ok 4 - no message is cut short by a format macro inside _()"; grep -n '^msgid ".*%"$' "$top/po/es.po" | sed 's/^/# /'; fi
