#!/usr/bin/env bash
# All tests: installs what it needs, starts Azurite on free loopback ports, runs dotnet test, stops Azurite even on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/azurite.sh
source scripts/lib/bicep.sh

setup_tools
dotnet restore ServerlessPlan.sln --verbosity quiet

work=$(mktemp -d -t serverlessplan-test.XXXXXX)
trap 'azurite_stop; rm -rf "$work"' EXIT
azurite_start "$work/azurite" in-memory

dotnet build ServerlessPlan.sln --no-restore -c Release --verbosity quiet -nologo
# Lints infra/ and compiles it; the template test reads INFRA_ARM_JSON.
bicep_check "$work/infra"
# The tests read PLAN_STORAGE (set by azurite_start) for every storage test.
dotnet test ServerlessPlan.sln --no-build -c Release --nologo \
  --logger "console;verbosity=normal" --results-directory "$work/results" "$@"
