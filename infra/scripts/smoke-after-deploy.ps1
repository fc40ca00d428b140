# azd's postdeploy step of the functions service on Windows: the twin of smoke-after-deploy.sh. The smoke test itself is
# one bash script (scripts/smoke.sh, curl only), run with the bash of Git for Windows or WSL when there is one.
# Skip it with `azd env set SMOKE_TEST false`.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Set-Location (Join-Path $PSScriptRoot '../..')

if ($env:SMOKE_TEST -eq 'false') {
    Write-Output 'Smoke test skipped (SMOKE_TEST=false).'
    exit 0
}
$url = $env:SERVICE_FUNCTIONS_URI
if (-not $url) {
    [Console]::Error.WriteLine("error: set SERVICE_FUNCTIONS_URI (output of infra/main.bicep: the app's https address)")
    exit 1
}
if (-not (Get-Command bash -ErrorAction SilentlyContinue)) {
    Write-Warning "Smoke test not run: no bash on PATH (Git for Windows or WSL provides one). Run it there: bash scripts/smoke.sh $url"
    exit 0
}
& bash scripts/smoke.sh $url
exit $LASTEXITCODE
