#!/usr/bin/env bash
# Installs, runs and removes the .deb on this machine (root, Debian/Ubuntu), first without a desktop menu tree
# (/etc/xdg/menus absent, as on a server), then with one. Proves: postinst/prerm never fail, `flightdeck` is on the
# PATH, maintainer/description/licence/third-party notices/icon are filled, JavaFX is a module of the bundled runtime,
# the console shows a first frame under Xvfb (with the time) without a word on stderr (no JavaFX warning about the
# unnamed module, no Logback status), the AppCDS archive is made and used, and removing the package leaves the
# user's journals.
#   installer/test-deb.sh [target/installer/flightdeck_*.deb]     (needs: xvfb; apt-get install -y xvfb)
set -euo pipefail
deb=${1:-$(ls target/installer/flightdeck_*.deb | head -1)}
deb=$(readlink -f "$deb")
[ "$(id -u)" = 0 ] || { echo "test-deb.sh: run as root (it installs a package)" >&2; exit 2; }
export DEBIAN_FRONTEND=noninteractive
apt_get() { apt-get -o DPkg::Lock::Timeout=300 "$@"; }
# A package left as "deinstall ok config-files" (removed, not purged) is not an installation: only a fully installed
# one may be someone else's, and CI's disposable machine (CI=true) replaces it.
installed_state=$(dpkg-query -W -f='${Status}' flightdeck 2>/dev/null || true)
if [ "$installed_state" = "install ok installed" ] && [ "${FLIGHTDECK_TEST_REPLACE:-}" != yes ] && [ "${CI:-}" != true ]; then
  echo "test-deb.sh: a flightdeck package is already installed (someone else's?): set FLIGHTDECK_TEST_REPLACE=yes to replace it" >&2
  exit 2
fi
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

menus_backup=
if [ -d /etc/xdg/menus ]; then menus_backup=$(mktemp -d); mv /etc/xdg/menus "$menus_backup/"; fi
made_menus=
restore_menus() {
  if [ -n "$made_menus" ]; then rm -rf /etc/xdg/menus; fi
  if [ -n "$menus_backup" ]; then mv "$menus_backup/menus" /etc/xdg/; fi
}
trap restore_menus EXIT

round() {
  local label=$1
  echo "== $label"
  if dpkg -s flightdeck >/dev/null 2>&1; then apt_get remove -y -qq flightdeck >/dev/null; fi
  local start=$(date +%s%N)
  apt_get install -y -qq "$deb" >/tmp/flightdeck-install.log 2>&1 || { cat /tmp/flightdeck-install.log; fail "install ($label)"; }
  ok "installed in $(( ($(date +%s%N) - start) / 1000000 )) ms ($label)"
  [ "$(dpkg-query -W -f='${Status}' flightdeck)" = "install ok installed" ] || fail "package state: $(dpkg-query -W -f='${Status}' flightdeck)"
  [ "$(command -v flightdeck)" = /usr/bin/flightdeck ] || fail "flightdeck is not on the PATH"
  ok "on the PATH: $(command -v flightdeck) -> $(readlink /usr/bin/flightdeck)"
  local maintainer; maintainer=$(dpkg-query -W -f='${Maintainer}' flightdeck)
  case "$maintainer" in *Unknown*|"") fail "maintainer: '$maintainer'" ;; esac
  ok "maintainer: $maintainer; description: $(dpkg-query -W -f='${Description}' flightdeck | head -1)"
  # jpackage puts the copyright file under the install directory (/opt/flightdeck/share/doc), not /usr/share/doc
  local copyright=/opt/flightdeck/share/doc/copyright notices=/opt/flightdeck/lib/app/THIRD-PARTY.txt
  grep -q "^Proprietary. Copyright (c) 2026 the Flightdeck developers" "$copyright" || fail "no licence in $copyright"
  [ -s "$notices" ] || fail "no third-party notices at $notices"
  local bundled; bundled=$(grep -c '^ *(.*) .* (.*:.*:.* - ' "$notices" || true)
  [ "$bundled" -gt 0 ] && grep -q 'org.openjfx:javafx-controls' "$notices" && grep -q 'org.openjfx:javafx-controls' "$copyright" \
      || fail "the third-party notices do not list the bundled dependencies"
  ok "licence: $copyright; third-party notices: $notices ($bundled dependencies, also in the copyright file)"
  /opt/flightdeck/lib/runtime/bin/java --list-modules | grep -q '^javafx.controls@' || fail "JavaFX is not a module of the runtime"
  ok "JavaFX modules in the bundled runtime: $(/opt/flightdeck/lib/runtime/bin/java --list-modules | grep -c '^javafx')"
  [ -s /opt/flightdeck/lib/flightdeck.png ] || fail "no icon"
  [ -e /usr/share/applications/flightdeck.desktop ] || fail "no desktop entry"
  grep -q '^Icon=/opt/flightdeck/lib/flightdeck.png' /usr/share/applications/flightdeck.desktop || fail "desktop entry without the icon"
  ok "icon and desktop entry"
  [ -f /opt/flightdeck/lib/app/flightdeck.jsa ] && ok "AppCDS archive: $(du -h /opt/flightdeck/lib/app/flightdeck.jsa | cut -f1)" \
      || echo "note: no AppCDS archive (no class list recorded at build time)"
  local version; version=$(flightdeck --version 2>&1) || fail "flightdeck --version: $version"
  [ "$(printf '%s\n' "$version" | wc -l)" = 1 ] || fail "flightdeck --version printed more than its version: $version"
  ok "flightdeck --version: $version"

  local home; home=$(mktemp -d)
  mkdir -p "$home/.flightdeck/journals/night-window"
  echo "a journal" > "$home/.flightdeck/journals/night-window/journal.fdj"
  if command -v xvfb-run >/dev/null 2>&1; then
    local frame="$home/first-frame" classes="$home/classes.log" begin; begin=$(date +%s%3N)
    HOME=$home FLIGHTDECK_HOME=$home/.flightdeck \
        JAVA_TOOL_OPTIONS="-Dflightdeck.firstFrame=$frame -Xlog:class+load=info:file=$classes" \
        timeout 120 xvfb-run -a -s "-screen 0 1440x900x24" flightdeck >"$home/console.log" 2>&1 || true
    [ -s "$frame" ] || { cat "$home/console.log"; fail "the console showed no first frame"; }
    ok "console under Xvfb: first frame $(( $(cut -d' ' -f1 "$frame") - begin )) ms after start (includes xvfb-run's own start), CPU $(cut -d' ' -f2 "$frame") ms"
    # the launcher's stderr holds nothing but the JVM's note on JAVA_TOOL_OPTIONS: no JavaFX warning about the
    # unnamed module, no Logback status report
    if grep -v '^Picked up JAVA_TOOL_OPTIONS' "$home/console.log" | grep -q .; then
      cat "$home/console.log"; fail "the console wrote to stderr/stdout on a normal start"
    fi
    ok "the console's start is silent (no 'Unsupported JavaFX configuration', no Logback status)"
    local shared; shared=$(grep -c 'source: shared objects file' "$classes" || true)
    if [ -f /opt/flightdeck/lib/app/flightdeck.jsa ]; then
      grep -q 'javafx.scene.control.TreeView source: shared objects file' "$classes" \
          && grep -q 'dev.flightdeck.ui.compose.MainWindow source: shared objects file' "$classes" \
          || fail "the AppCDS archive was not used for JavaFX and Flightdeck classes ($shared classes shared)"
      ok "AppCDS: $shared of $(grep -c 'source:' "$classes") classes up to the first frame came from the archive"
    fi
  fi
  apt_get remove -y -qq flightdeck >/tmp/flightdeck-remove.log 2>&1 || { cat /tmp/flightdeck-remove.log; fail "remove ($label)"; }
  dpkg -s flightdeck >/dev/null 2>&1 && [ "$(dpkg-query -W -f='${Status}' flightdeck)" != "deinstall ok config-files" ] && fail "still installed after remove"
  [ ! -e /usr/bin/flightdeck ] || fail "/usr/bin/flightdeck left behind"
  [ ! -e /usr/share/applications/flightdeck.desktop ] || fail "desktop entry left behind"
  [ ! -e /opt/flightdeck ] || fail "/opt/flightdeck left behind: $(find /opt/flightdeck | head -5)"
  [ -f "$home/.flightdeck/journals/night-window/journal.fdj" ] || fail "the user's journal was removed"
  ok "removed cleanly; the user's journals are still there ($label)"
  rm -rf "$home"
}

[ ! -e /etc/xdg/menus ] || fail "/etc/xdg/menus still present"
round "no desktop menu tree (/etc/xdg/menus absent)"
made_menus=yes
mkdir -p /etc/xdg/menus
cat > /etc/xdg/menus/applications.menu <<'MENU'
<!DOCTYPE Menu PUBLIC "-//freedesktop//DTD Menu 1.0//EN" "http://www.freedesktop.org/standards/menu-spec/1.0/menu.dtd">
<Menu><Name>Applications</Name><DefaultAppDirs/><DefaultDirectoryDirs/><Include><All/></Include></Menu>
MENU
round "with a desktop menu tree (/etc/xdg/menus/applications.menu)"
# leave the machine as it was: no "config-files" entry that the next run (or a person) would take for an installation
dpkg --purge flightdeck >/dev/null 2>&1 || true
echo "PASS: the .deb installs, runs and removes cleanly with and without a desktop menu tree"
