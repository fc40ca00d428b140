#!/usr/bin/env bash
# All tests: installs what it needs, starts Azurite on free loopback ports, runs dotnet test, stops Azurite even on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/azurite.sh
source scripts/lib/bicep.sh

setup_tools
setup_chromium
setup_libreoffice
dotnet restore ServerlessPlan.sln --verbosity quiet

work=$(mktemp -d -t serverlessplan-test.XXXXXX)
trap 'azurite_stop; rm -rf "$work"' EXIT
# Kept after the run: test logs and the browser tests' screenshots of every page (screenshots/).
export TEST_RESULTS_DIR=${TEST_RESULTS_DIR:-$PWD/out/test-results}
rm -rf "$TEST_RESULTS_DIR" && mkdir -p "$TEST_RESULTS_DIR"
azurite_start "$work/azurite" in-memory

dotnet build ServerlessPlan.sln --no-restore -c Release --verbosity quiet -nologo
# Lints infra/ and compiles it; the template test reads INFRA_ARM_JSON.
bicep_check "$work/infra"
# The tests read PLAN_STORAGE (set by azurite_start) for every storage test.
dotnet test ServerlessPlan.sln --no-build -c Release --nologo \
  --logger "console;verbosity=normal" --results-directory "$TEST_RESULTS_DIR" "$@"
