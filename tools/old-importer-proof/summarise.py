"""Reads RunCases' output (stdin) and prints, per case, PASS or FAIL with the current test's lines whose assertions
failed on the old importer (and the source text of each), so each case can be matched to the assertion that proves
its item. Usage: summarise.py TEST_SOURCE < runcases.out"""
import re
import sys

lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
cases = []
for row in sys.stdin.read().splitlines():
    if row.startswith(("PASS ", "FAIL ")):
        cases.append([row[:4], row[5:], []])
    elif row.startswith("| ") and cases:
        cases[-1][2].append(row[2:])
print(f"{len(cases)} cases run against the old importer")
for verdict, name, trace in cases:
    print(f"{verdict}  {name}")
    if verdict == "PASS":
        continue
    text = "\n".join(trace)
    failed = sorted({int(n) for n in re.findall(r"MarkdownImportFaithfulnessTest\.java:(\d+)\)", text)})
    for number in failed:
        # the class's own line is where softly.py put the check after each case, not an assertion
        if 0 < number <= len(lines) and "class MarkdownImportFaithfulnessTest" not in lines[number - 1]:
            print(f"      line {number}: {lines[number - 1].strip()[:110]}")
    first = re.sub(r"\s+", " ", trace[0] if trace else "")[:240]
    print(f"      first: {first}")
