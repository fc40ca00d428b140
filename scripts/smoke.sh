#!/usr/bin/env bash
# Smoke test of a deployed ServerlessPlan: what a stranger on the internet can and cannot get from it.
#   bash scripts/smoke.sh https://func-abc123.azurewebsites.net
# Checks, each with curl and nothing else:
#   start     the start page answers (2xx or a redirect) within SMOKE_START_SECONDS (default 60: a Flex Consumption
#             app scaled to zero starts cold)
#   headers   it carries the security headers (Content-Security-Policy with default-src 'self', nosniff, no framing,
#             a referrer policy; Strict-Transport-Security over https)
#   page      an anonymous page request is sent to sign-in (302 to /.auth/login/aad)
#   json      an anonymous JSON request gets 401
#   forged    a request carrying a forged X-MS-CLIENT-PRINCIPAL (every coalition role) and no session gets 401 or the
#             sign-in redirect: App Service Authentication strips the header a client sends, which is the one thing
#             the app's own gate relies on. A local server with the development sign-in on believes the header, so
#             this check fails against it (the tests show the check can fail).
#   api       /api/* without a function key gets 401 (the Functions host's key check)
# Prints "ok   <check>" per check passed and "FAIL <check>: <what was seen>" per check failed; exits 1 when any failed,
# 2 on a usage error. SMOKE_PERIOD names the quarter whose API route is asked (default 2021-Q3); any works.
set -uo pipefail

usage() { echo "usage: scripts/smoke.sh URL   (e.g. https://func-abc123.azurewebsites.net)" >&2; exit 2; }
[ $# -eq 1 ] || usage
base=${1%/}
case "$base" in http://* | https://*) ;; *) usage ;; esac
command -v curl >/dev/null 2>&1 || { echo "error: curl is required." >&2; exit 2; }
start_limit=${SMOKE_START_SECONDS:-60}
period=${SMOKE_PERIOD:-2021-Q3}

work=$(mktemp -d -t serverlessplan-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1: $2"; failures=$((failures + 1)); }

# request NAME PATH [curl options…]: one request, no redirect followed; sets status, seconds, location, and leaves the
# response headers in $work/NAME.headers. A request that gets no answer has status 000.
request() {
  local name=$1 path=$2
  shift 2
  local out
  out=$(curl -sS -o /dev/null -D "$work/$name.headers" --max-time "${SMOKE_MAX_TIME:-30}" \
    -w '%{http_code} %{time_total} %{redirect_url}' "$@" "$base$path" 2>"$work/$name.err") || true
  status=${out%% *}
  out=${out#* }
  seconds=${out%% *}
  location=${out#* }
  [ "$location" = "$seconds" ] && location=""
  [ -n "$status" ] || status=000
}

# header NAME HEADER: the value of HEADER in the response NAME (last one, case-insensitive), without the CR.
header() {
  grep -i "^$2:" "$work/$1.headers" 2>/dev/null | tail -n 1 | cut -d: -f2- | sed 's/^ *//; s/\r$//'
}

signs_in() { case "$location" in */.auth/login/aad*) return 0 ;; *) return 1 ;; esac; }

# --- start: the start page, cold ------------------------------------------------------------------------------------
SMOKE_MAX_TIME=$start_limit request start / -H 'Accept: text/html'
if [ "$status" = 000 ]; then
  fail start "no answer from $base/ within ${start_limit}s ($(tr -d '\n' <"$work/start.err"))"
elif [ "$status" -ge 200 ] && [ "$status" -lt 400 ]; then
  ok "start: $status in ${seconds}s (limit ${start_limit}s)"
else
  fail start "$base/ answered $status in ${seconds}s"
fi

# --- headers --------------------------------------------------------------------------------------------------------
if [ "$status" != 000 ]; then
  missing=()
  case "$(header start Content-Security-Policy)" in *"default-src 'self'"*) ;; *) missing+=("Content-Security-Policy (default-src 'self')") ;; esac
  [ "$(header start X-Content-Type-Options)" = nosniff ] || missing+=("X-Content-Type-Options: nosniff")
  case "$(header start X-Frame-Options) $(header start Content-Security-Policy)" in
    DENY* | *"frame-ancestors 'none'"*) ;;
    *) missing+=("X-Frame-Options: DENY or frame-ancestors 'none'") ;;
  esac
  [ -n "$(header start Referrer-Policy)" ] || missing+=("Referrer-Policy")
  case "$base" in https://*) [ -n "$(header start Strict-Transport-Security)" ] || missing+=("Strict-Transport-Security") ;; esac
  if [ ${#missing[@]} -eq 0 ]; then ok headers; else fail headers "missing $(IFS=';'; echo "${missing[*]}")"; fi
fi

# --- page: an anonymous page request goes to sign-in ----------------------------------------------------------------
request page /coalition -H 'Accept: text/html'
if [ "$status" = 302 ] && signs_in; then ok "page: anonymous /coalition is sent to sign-in"
else fail page "anonymous GET /coalition (text/html) answered $status${location:+ → $location}, not 302 to /.auth/login/aad"; fi

# --- json: an anonymous JSON request gets 401 -----------------------------------------------------------------------
request json /coalition -H 'Accept: application/json'
if [ "$status" = 401 ]; then ok "json: anonymous /coalition is 401"
else fail json "anonymous GET /coalition (application/json) answered $status${location:+ → $location}, not 401"; fi

# --- forged: a principal header the client made up is not believed -------------------------------------------------
principal='{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"smoke-test-forged@example.org"},{"typ":"roles","val":"Coalition.Admin"},{"typ":"roles","val":"Coalition.Reader"},{"typ":"roles","val":"Unit.GT"}]}'
forged=$(printf '%s' "$principal" | base64 | tr -d '\n')
request forged /coalition -H 'Accept: application/json' -H "X-MS-CLIENT-PRINCIPAL: $forged" \
  -H 'X-MS-CLIENT-PRINCIPAL-NAME: smoke-test-forged@example.org' -H 'X-MS-CLIENT-PRINCIPAL-IDP: aad'
if [ "$status" = 401 ] || { [ "$status" = 302 ] && signs_in; }; then ok "forged: a made-up X-MS-CLIENT-PRINCIPAL is not believed"
else fail forged "GET /coalition with a forged X-MS-CLIENT-PRINCIPAL and no session answered $status${location:+ → $location}: the header was believed (is App Service Authentication on, or the development sign-in?)"; fi

# --- api: the API demands a function key ----------------------------------------------------------------------------
request api "/api/templates/GT/$period"
if [ "$status" = 401 ]; then ok "api: /api/templates/GT/$period without a key is 401"
else fail api "GET /api/templates/GT/$period without a function key answered $status, not 401"; fi

if [ "$failures" -gt 0 ]; then
  echo "Smoke test of $base: $failures check(s) failed."
  exit 1
fi
echo "Smoke test of $base: every check passed."
