#!/usr/bin/env bash
# The benchmark: installs what it needs, starts Azurite on free loopback ports, runs the bench (Bench/, the
# serverlessplan-bench program) in Release, stops Azurite even on failure. Arguments go to the bench verb:
# scripts/bench.sh --scale large [--json].
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/azurite.sh

setup_tools >&2
dotnet restore ServerlessPlan.sln --verbosity quiet >&2

work=$(mktemp -d -t serverlessplan-bench.XXXXXX)
trap 'azurite_stop >&2; rm -rf "$work"' EXIT
# Azurite's messages go to stderr so that --json output on stdout stays parseable.
AZURITE_QUIET=1 azurite_start "$work/azurite" in-memory >&2

dotnet build Bench/Bench.csproj --no-restore -c Release --verbosity quiet -nologo >&2
# The bench reads the connection as PlanStorage; azurite_start exported PLAN_STORAGE.
PlanStorage="$PLAN_STORAGE" dotnet run --no-build -c Release --project Bench -- bench "$@"
