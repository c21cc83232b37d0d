#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install --destdir` puts the programs, the desktop file, the
# metainfo, the icons, the settings schema, the catalog and the data files
# where a desktop expects them.  Prints TAP.
#   test-install.sh MESON BUILDDIR SOURCEDIR PREFIX BINDIR DATADIR LOCALEDIR
set -u
meson=$1 build=$2 source=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7
app=co.gov.anm.EvaluadorMinero

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
root="$dest$prefix"
case $bindir in /*) bin="$dest$bindir" ;; *) bin="$root/$bindir" ;; esac
case $datadir in /*) share="$dest$datadir" ;; *) share="$root/$datadir" ;; esac
case $localedir in /*) locale="$dest$localedir" ;; *) locale="$root/$localedir" ;; esac

n=0
check () {  # check DESCRIPTION TEST-ARGS...
  n=$((n + 1)); what=$1; shift
  if test "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; fi
}

screenshots=$(cd "$source/data" 2>/dev/null && ls screenshots/*.png 2>/dev/null)
echo "1..$((13 + $(echo "$screenshots" | grep -c .)))"

if ! out=$("$meson" install -C "$build" --no-rebuild --destdir "$dest" 2>&1); then
  echo "Bail out! meson install failed"
  echo "$out" | sed 's/^/# /'
  exit 1
fi

check "the window program is installed" -x "$bin/evaluador-minero"
check "the command-line program is installed" -x "$bin/evaluador-minero-cli"
check "the desktop file is in applications/" -f "$share/applications/$app.desktop"
check "the metainfo is in metainfo/" -f "$share/metainfo/$app.metainfo.xml"
check "the scalable icon is in the hicolor theme" -f "$share/icons/hicolor/scalable/apps/$app.svg"
check "the symbolic icon is in the hicolor theme" -f "$share/icons/hicolor/symbolic/apps/$app-symbolic.svg"
check "the settings schema is in glib-2.0/schemas" -f "$share/glib-2.0/schemas/$app.gschema.xml"
check "the shipped rule set is installed" -f "$share/evaluador-minero/reglas/res-anm-208-2017.json"
check "the shipped tarifario is installed" -f "$share/evaluador-minero/tarifarios/anexo-tecnico-ilustrativo.json"
check "the annex classification table is installed" -f "$share/evaluador-minero/anexo/cobro-inspecciones.json"
check "the Spanish catalog is installed" -f "$locale/es/LC_MESSAGES/evaluador-minero.mo"

desktop="$share/applications/$app.desktop"
icon=$(sed -n 's/^Icon=//p' "$desktop" 2>/dev/null)
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" 2>/dev/null)
check "the desktop file's Icon= names the installed icon" "$icon" = "$app"
check "the desktop file's Exec= names the installed program" -n "$exec_name" -a -x "$bin/$exec_name"

for shot in $screenshots; do
  check "$shot is installed" -f "$share/evaluador-minero/$shot"
done
