#!/usr/bin/env bash
# The main job end to end on a fresh machine: installs what it needs, starts Azurite on loopback, runs the pipeline
# on sample data through the CLI (templates → filled sheets → uploads → ingestion → reminders and late notices →
# digest in the local outbox → the quarter locked, reopened for a late unit → the merged workbook now and as of the
# digest's instant, the plan matrix filled) and writes everything under out/, then stops Azurite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/azurite.sh
source scripts/lib/demo-env.sh

setup_tools
dotnet restore ServerlessPlan.sln --verbosity quiet
dotnet build Cli/Cli.csproj --no-restore -c Release --verbosity quiet -nologo

out=${1:-out}
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)
trap azurite_stop EXIT
# On disk under out/azurite, so the demo's blobs and tables can be inspected afterwards (e.g. Azure Storage Explorer).
azurite_start "$out/azurite"

demo_env "$out"
dotnet Cli/bin/Release/net10.0/serverlessplan.dll demo --out "$out" --period "${DEMO_PERIOD:-2021-Q3}"

echo
echo "Outputs under $out:"
echo "  templates/   one template per unit        uploads/  the filled sheets as uploaded"
echo "  ingestion.json  each upload's outcome      consolidado-*.xlsx  the analysts' merged workbook"
echo "  consolidado-*-al-*.xlsx  the record as of the instant the digest read its figures"
echo "  matriz-*.xlsx  the plan's matrix filled: programado and ejecutado per year, with coverage"
echo "  outbox/      every e-mail that would have been sent (results to registered contacts, reminders and late"
echo "               notices, the ST's weekly list, the Presidency's digest)"
