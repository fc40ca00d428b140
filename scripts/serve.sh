#!/usr/bin/env bash
# The portal and the HTTP API on this machine, without Azure Functions Core Tools: installs what it needs, starts
# Azurite on loopback, loads the demo's data (the demo verb's pipeline), then serves both at a printed
# http://127.0.0.1:PORT/ (PORT from the environment, default 8080) through the same function classes the Functions
# host runs, with the development sign-in on, until Ctrl-C; Azurite is stopped on exit. Data under out/serve/.
#   scripts/serve.sh                   # development sign-in on: pick a role on /.auth/login/aad
#   scripts/serve.sh --no-dev-sign-in  # as Azure serves it to a stranger: no principal believed, the API needs the
#                                      # printed function key; scripts/smoke.sh passes against it
for arg in "$@"; do
  case "$arg" in
    --no-dev-sign-in) ;;
    *) echo "usage: scripts/serve.sh [--no-dev-sign-in]" >&2; exit 2 ;;
  esac
done
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/azurite.sh
source scripts/lib/demo-env.sh

setup_tools
dotnet restore ServerlessPlan.sln --verbosity quiet
dotnet build Cli/Cli.csproj --no-restore -c Release --verbosity quiet -nologo

out=${SERVE_OUT:-out/serve}
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)
trap azurite_stop EXIT
AZURITE_QUIET=1 azurite_start "$out/azurite"
demo_env "$out"
dotnet Cli/bin/Release/net10.0/serverlessplan.dll serve --port "${PORT:-8080}" --demo "$out" --period "${DEMO_PERIOD:-2021-Q3}" "$@"
