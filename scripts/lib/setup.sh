# Sourced by the scripts: install what the project needs on a fresh machine (idempotent, offline-mirror friendly).

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required but not on PATH ($2)." >&2; exit 2; }
}

setup_tools() {
  require dotnet "install the .NET 10 SDK"
  require node "install Node.js 20+"
  require npm "install npm"
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing Azurite (npm ci)…"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
