# Sourced by the scripts: install what the project needs on a fresh machine (idempotent, offline-mirror friendly).

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required but not on PATH ($2)." >&2; exit 2; }
}

setup_tools() {
  require dotnet "install the .NET 10 SDK"
  require node "install Node.js 20+"
  require npm "install npm"
  # Reinstall only when the lock file changed since the last install (by content, not timestamps: a fresh checkout
  # touches every file).
  local want have
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  have=$(cat node_modules/.serverlessplan-lock 2>/dev/null || true)
  if [ ! -x node_modules/.bin/azurite ] || [ "$want" != "$have" ]; then
    echo "Installing Azurite (npm ci)…"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > node_modules/.serverlessplan-lock
  fi
}

# The browser tests drive Debian's chromium (never a browser Playwright downloads). Installed when missing: apt-get
# as root, through sudo otherwise. CHROMIUM_PATH points the tests at another build.
setup_chromium() {
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return; fi
  if command -v chromium >/dev/null 2>&1; then export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium)}; return; fi
  echo "Installing chromium (apt-get) for the browser tests…"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  export CHROMIUM_PATH=$(command -v chromium)
}

# LibreOffice Calc without its GUI (Debian's libreoffice-calc-nogui, no recommends): the open-data tests open the CSV
# in a spreadsheet to see numbers typed as numbers and no formula run (docs/data.md).
setup_libreoffice() {
  if [ -n "${SOFFICE_PATH:-}" ] && [ -x "$SOFFICE_PATH" ]; then return; fi
  if command -v soffice >/dev/null 2>&1; then export SOFFICE_PATH=${SOFFICE_PATH:-$(command -v soffice)}; return; fi
  echo "Installing LibreOffice Calc (apt-get) for the open-data tests…"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
  export SOFFICE_PATH=$(command -v soffice)
}
