#!/usr/bin/env bash
# Repeats every failed test of a run (name, message, first lines of the stack) from the trx logs under $1, so the end
# of a long console log, which is what CI shows, says what failed. Python's XML parser reads the trx; without Python
# the trx files are named so they can be read by hand.
set -uo pipefail
dir=${1:?results directory}
mapfile -t logs < <(find "$dir" -name '*.trx' 2>/dev/null)
if [ ${#logs[@]} -eq 0 ]; then echo "No trx log under $dir."; exit 0; fi
if ! command -v python3 >/dev/null; then printf 'Failed tests are listed in: %s\n' "${logs[@]}"; exit 0; fi
python3 - "${logs[@]}" <<'PY'
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
failed = []
for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
        stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=ns).strip()
        failed.append((result.get("testName"), result.get("duration"), message, stack))
print()
print(f"==== {len(failed)} failed test(s) ====")
for name, duration, message, stack in failed:
    print(f"-- {name} [{duration}]")
    for line in message.splitlines()[:40]:
        print(f"   {line}")
    for line in stack.splitlines()[:12]:
        print(f"   {line}")
PY
