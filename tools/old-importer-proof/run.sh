#!/usr/bin/env bash
# Runs the CURRENT synthetic cases of issue #21 (MarkdownImportFaithfulnessTest) against the hand-written importer
# that the CommonMark importer replaced (535a9be8^), and prints, per case, every assertion that fails there.
# Nothing here is product code: it patches a scratch, detached worktree of the old commit only.
#
#   tools/old-importer-proof/run.sh [OLD_WORKTREE]     (default /work/wt-oldimporter; created when missing)
#
# What it does to the old tree (see README.md for why each is faithful):
#   1. old-importer-compat.patch: the current test's API over the old importer (importMarkdown returns the old YAML
#      and an empty report; Step.sourceLine() is empty; print(runbook, descriptions) is the old print(runbook)).
#   2. ImportReport.java copied from this tree (the old importer never notes a judgement, so it stays empty).
#   3. The test copied from this tree with two mechanical edits: Parsed's old package, and soft assertions
#      (SOFT.assertThat, asserted after each case) so every failing assertion of a case is listed, not only the first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
new_tree="$(cd "$here/../.." && pwd)"
old_tree="${1:-/work/wt-oldimporter}"
test_rel=src/test/java/dev/flightdeck/runbook/MarkdownImportFaithfulnessTest.java
commonmark_commit=$(git -C "$new_tree" log --format=%H --diff-filter=A -- "$test_rel" | tail -1)
old_commit=$(git -C "$new_tree" rev-parse "$commonmark_commit^")

if [ ! -d "$old_tree" ]; then
    git -C "$new_tree" worktree add --detach "$old_tree" "$old_commit"
fi
[ "$(git -C "$old_tree" rev-parse HEAD)" = "$old_commit" ] || { echo "$old_tree is not at $old_commit" >&2; exit 2; }
git -C "$old_tree" checkout -q -- .
git -C "$old_tree" clean -fdq src
git -C "$old_tree" apply "$here/old-importer-compat.patch"
cp "$new_tree/src/main/java/dev/flightdeck/runbook/ImportReport.java" "$old_tree/src/main/java/dev/flightdeck/runbook/"
python3 "$here/softly.py" < "$new_tree/$test_rel" > "$old_tree/$test_rel"

echo "old importer: $old_commit (parent of $commonmark_commit, the CommonMark importer)" >&2
# The old pom names library versions the offline repository does not hold, and Maven here has no dependency
# plugin: compile with javac against the libraries the test reaches, at this tree's versions (snakeyaml-engine 3.x
# keeps the v2 API the old reader uses); -sourcepath compiles only the old classes the test reaches (runbook, yaml).
version() { grep -o "<$1.version>[^<]*" "$new_tree/pom.xml" | cut -d'>' -f2; }
m2="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
jar() { echo "$m2/$(echo "$1" | tr . /)/$2/$3/$2-$3.jar"; }
classpath="$(jar org.snakeyaml snakeyaml-engine "$(version snakeyaml-engine)")"
for artifact in junit-jupiter-api junit-jupiter-engine; do
    classpath="$classpath:$(jar org.junit.jupiter $artifact "$(version junit)")"
done
for artifact in junit-platform-commons junit-platform-engine junit-platform-launcher; do
    classpath="$classpath:$(jar org.junit.platform $artifact "$(version junit-platform)")"
done
classpath="$classpath:$(jar org.assertj assertj-core "$(version assertj)"):$(jar net.bytebuddy byte-buddy 1.18.3)"
classpath="$classpath:$(jar org.opentest4j opentest4j 1.3.0):$(jar org.apiguardian apiguardian-api 1.1.2)"
for entry in ${classpath//:/ }; do [ -f "$entry" ] || { echo "missing library: $entry" >&2; exit 2; }; done
out="$old_tree/target/old-importer-proof"
rm -rf "$out" && mkdir -p "$out"
javac -nowarn -proc:none -d "$out" -cp "$classpath" -sourcepath "$old_tree/src/main/java:$old_tree/src/test/java" \
    "$old_tree/$test_rel" "$here/RunCases.java"
java -cp "$out:$old_tree/src/main/resources:$classpath" RunCases dev.flightdeck.runbook.MarkdownImportFaithfulnessTest \
    > "$out/cases.txt"
python3 "$here/summarise.py" "$new_tree/$test_rel" < "$out/cases.txt"
