#!/usr/bin/env bash
# Builds a native installer from target/flightdeck.jar with jpackage (JDK 17+).
#   $1 target directory   $2 package type (deb, rpm, app-image, dmg, msi)   $3 project version
#
# Startup: the package's JVM runs with C1 only, the serial GC and an AppCDS archive. JDK 17 only accepts an archive
# dumped against the jar at its installed path, so the build records which classes the console loads up to its
# first frame (flightdeck.classlist, one start under a display: xvfb-run or $DISPLAY) and the .deb's postinst dumps
# the archive from it with the bundled runtime (lib/app/flightdeck.jsa). Without a display at build time, or
# without the archive, the package starts all the same, only slower.
set -euo pipefail
target=$1
type=$2
version=${3%%-*}            # jpackage wants a plain numeric version: 0.1.0-SNAPSHOT -> 0.1.0
here=$(cd "$(dirname "$0")" && pwd)
jar="$target/flightdeck.jar"
[ -f "$jar" ] || { echo "jpackage.sh: $jar is missing; run the package phase first" >&2; exit 1; }

input="$target/installer-input"
rm -rf "$input" "$target/installer"
mkdir -p "$input" "$target/installer"
cp "$jar" "$input/"

# The classes loaded up to the first frame, for the AppCDS archive.
record_class_list() {
  local home probe
  home=$(mktemp -d)
  probe="$home/first-frame"
  local run=(java -XX:DumpLoadedClassList="$input/flightdeck.classlist" -Dflightdeck.firstFrame="$probe" -jar "$jar")
  if [ -n "${DISPLAY:-}" ]; then
    FLIGHTDECK_HOME="$home" timeout 120 "${run[@]}" >/dev/null 2>&1 || true
  elif command -v xvfb-run >/dev/null 2>&1; then
    FLIGHTDECK_HOME="$home" timeout 120 xvfb-run -a -s "-screen 0 1440x900x24" "${run[@]}" >/dev/null 2>&1 || true
  fi
  if [ -f "$probe" ] && [ -s "$input/flightdeck.classlist" ]; then
    echo "jpackage.sh: AppCDS class list: $(wc -l < "$input/flightdeck.classlist") classes"
  else
    rm -f "$input/flightdeck.classlist"
    echo "jpackage.sh: no display (install xvfb for xvfb-run): the package will start without an AppCDS archive" >&2
  fi
  rm -rf "$home"
}
record_class_list

# jdk.security.auth: the embedded PostgreSQL (zonky) reads the uid through com.sun.security.auth.module.UnixSystem and,
# as root, runs initdb under `unshare -U`; without the module the rehearsal's database does not start for root.
modules=java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.scripting,\
java.net.http,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.localedata,\
jdk.charsets,jdk.net,jdk.management,jdk.jfr,jdk.security.auth

java_options=(--java-options "-XX:TieredStopAtLevel=1" --java-options "-XX:+UseSerialGC"
              --java-options "-Xshare:auto" --java-options "-XX:SharedArchiveFile=\$APPDIR/flightdeck.jsa")

args=(--type "$type" --name flightdeck --app-version "$version"
      --vendor "Flightdeck" --description "Console for running maintenance windows on live healthcare systems"
      --copyright "Copyright 2026 the Flightdeck authors" --license-file "$here/LICENSE.txt"
      --input "$input" --main-jar flightdeck.jar --main-class dev.flightdeck.app.Launcher
      --add-modules "$modules" --dest "$target/installer" --icon "$here/flightdeck.png"
      # keep bin/java in the runtime (jpackage strips it by default): the postinst dumps the AppCDS archive with it
      --jlink-options "--strip-debug --no-man-pages --no-header-files"
      "${java_options[@]}")
case "$type" in
  # postgresql-client: the rehearsal's backup and restore steps (SandboxRequirements: 15 or newer); openssh-client:
  # ssh-keygen and ssh-add for the operator's own keys and fingerprints (Flightdeck itself needs neither OpenSSH tool).
  deb) args+=(--linux-package-deps "libgtk-3-0, postgresql-client (>= 15), openssh-client" --linux-shortcut --linux-menu-group "System;Utility"
              --linux-deb-maintainer "maintainers@flightdeck.dev" --linux-app-category utils
              --resource-dir "$here/deb") ;;
  rpm) args+=(--linux-package-deps "gtk3, postgresql >= 15, openssh-clients" --linux-shortcut) ;;
esac
jpackage "${args[@]}"
ls -l "$target/installer"
