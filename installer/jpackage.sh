#!/usr/bin/env bash
# Builds a native installer from target/flightdeck.jar with jpackage (JDK 17+).
#   $1 target directory   $2 package type (deb, rpm, app-image, dmg, msi)   $3 project version
# Not yet done: an AppCDS archive. One dumped here is rejected at run time on JDK 17 (it must be dumped with the
# bundled runtime and the installed jar path), so the package starts with -XX:TieredStopAtLevel=1 only.
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

modules=java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.scripting,\
java.net.http,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.localedata,\
jdk.charsets,jdk.net,jdk.management,jdk.jfr

java_options=(--java-options "-XX:TieredStopAtLevel=1")

args=(--type "$type" --name flightdeck --app-version "$version"
      --vendor "Flightdeck" --description "Console for running maintenance windows on live healthcare systems"
      --input "$input" --main-jar flightdeck.jar --main-class dev.flightdeck.app.Launcher
      --add-modules "$modules" --dest "$target/installer" --icon "$here/flightdeck.png"
      "${java_options[@]}")
case "$type" in
  # postgresql-client: the rehearsal's backup and restore steps (SandboxRequirements: 15 or newer); openssh-client:
  # ssh-keygen and ssh-add for the operator's own keys and fingerprints (Flightdeck itself needs neither OpenSSH tool).
  deb) args+=(--linux-package-deps "libgtk-3-0, postgresql-client (>= 15), openssh-client" --linux-shortcut --linux-menu-group "System;Utility") ;;
  rpm) args+=(--linux-package-deps "gtk3, postgresql >= 15, openssh-clients" --linux-shortcut) ;;
esac
jpackage "${args[@]}"
ls -l "$target/installer"
