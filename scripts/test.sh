#!/usr/bin/env bash
# All tests: installs what it needs, starts Azurite on free loopback ports, runs dotnet test, stops Azurite even on failure.
# --fast: only the tests that need none of what follows (their trait Needs, Functions.Tests/Support/Needs.cs), with
# nothing installed or started: a rule's change checked in well under a minute. Further arguments go to dotnet test
# either way (a --filter is combined with the fast run's).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

# What the fast run goes without: Azurite (and the local host over it), Chromium, LibreOffice, the Bicep CLI, PowerShell.
without_needs=(Azurite Browser LibreOffice Bicep PowerShell)
if [ "${1:-}" = "--fast" ]; then
  shift
  require dotnet "install the .NET 10 SDK"
  filter=$(printf 'Needs!=%s&' "${without_needs[@]}")
  filter=${filter%&}
  args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --filter) filter="($2)&$filter"; shift 2 ;;
      --filter=*) filter="(${1#--filter=})&$filter"; shift ;;
      *) args+=("$1"); shift ;;
    esac
  done
  # A test that reaches one of these without its trait fails, naming the trait (Needs.Require); never one left running.
  export TESTS_WITHOUT="${without_needs[*]}"
  unset PLAN_STORAGE INFRA_ARM_JSON
  dotnet build Functions.Tests -c Release --verbosity quiet -nologo
  exec dotnet test Functions.Tests --no-build -c Release --nologo --filter "$filter" "${args[@]}"
fi
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
# The console log is long and CI shows its tail: a failing run ends by repeating each failure (name, message, stack),
# read from the trx log rather than the console's text.
status=0
dotnet test ServerlessPlan.sln --no-build -c Release --nologo \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" \
  --results-directory "$TEST_RESULTS_DIR" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  bash scripts/lib/failed-tests.sh "$TEST_RESULTS_DIR" || true
fi
exit "$status"
