#!/usr/bin/env bash
# Builds a native installer from target/flightdeck.jar with jpackage (JDK 17+).
#   $1 target directory   $2 package type (deb, rpm, app-image, dmg, msi)   $3 project version
# Also builds an AppCDS archive at first launch (-XX:+AutoCreateSharedArchive needs JDK 19, so on 17 we
# create it here by a training run) so the console opens faster from the installed package.
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

# AppCDS: a class-list from a headless training run (the CLI loads the engine classes), then a shared archive.
java -XX:DumpLoadedClassList="$input/flightdeck.classlist" -jar "$jar" runbook list >/dev/null
java -Xshare:dump -XX:SharedClassListFile="$input/flightdeck.classlist" \
     -XX:SharedArchiveFile="$input/flightdeck.jsa" -cp "$jar" >/dev/null 2>&1 || {
  echo "jpackage.sh: AppCDS archive could not be built; the package will start without it" >&2
  rm -f "$input/flightdeck.jsa"
}

modules=java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.scripting,\
java.net.http,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.localedata,\
jdk.charsets,jdk.net,jdk.management,jdk.jfr

java_options=(--java-options "-XX:TieredStopAtLevel=1")
if [ -f "$input/flightdeck.jsa" ]; then
  java_options+=(--java-options "-XX:SharedArchiveFile=\$APPDIR/flightdeck.jsa" --java-options "-Xshare:auto")
fi

args=(--type "$type" --name flightdeck --app-version "$version"
      --vendor "Flightdeck" --description "Console for running maintenance windows on live healthcare systems"
      --input "$input" --main-jar flightdeck.jar --main-class dev.flightdeck.app.Launcher
      --add-modules "$modules" --dest "$target/installer" --icon "$here/flightdeck.png"
      "${java_options[@]}")
case "$type" in
  deb) args+=(--linux-package-deps "libgtk-3-0" --linux-shortcut --linux-menu-group "System;Utility") ;;
  rpm) args+=(--linux-package-deps "gtk3" --linux-shortcut) ;;
esac
jpackage "${args[@]}"
ls -l "$target/installer"
