# Creates or updates the Event Grid subscription that feeds the IngestUpload blob trigger: the Windows twin of
# create-eventgrid-subscription.sh, making the same az calls argument for argument (a test runs both and compares).
# Idempotent: it deploys infra/app/eventgrid-subscription.bicep, which ARM updates in place on every run.
#
# Runs as azd's postdeploy hook on Windows (azd exports the outputs of infra/main.bicep), or by hand after a code
# deployment, in PowerShell 7 (pwsh) or Windows PowerShell 5.1:
#   $env:AZURE_RESOURCE_GROUP = 'rg-plan'; $env:AZURE_FUNCTION_APP_NAME = 'func-xyz'
#   ./infra/scripts/create-eventgrid-subscription.ps1
# It must run after the code is deployed: the webhook authenticates with the host's blobs_extension system key,
# which the host creates only once it has loaded the blob trigger.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Set-Location (Join-Path $PSScriptRoot '../..')

function Stop-With([string] $message, [int] $code) {
    [Console]::Error.WriteLine("error: $message")
    exit $code
}

# Native commands do not throw on failure: every call checks the exit code, as `set -e` does in the bash script.
function Invoke-Az {
    $output = & az @args
    if ($LASTEXITCODE -ne 0) { Stop-With "az $($args[0..2] -join ' ') failed (exit $LASTEXITCODE)." $LASTEXITCODE }
    $output
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) { Stop-With 'the Azure CLI (az) is required.' 2 }
$rg = $env:AZURE_RESOURCE_GROUP
if (-not $rg) { Stop-With 'set AZURE_RESOURCE_GROUP (the resource group of the deployment)' 1 }
$app = $env:AZURE_FUNCTION_APP_NAME
if (-not $app) { Stop-With 'set AZURE_FUNCTION_APP_NAME (output of infra/main.bicep)' 1 }
$topic = $env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME
if (-not $topic) {
    $topic = Invoke-Az eventgrid system-topic list -g $rg `
        --query "[?topicType=='Microsoft.Storage.StorageAccounts'].name" -o tsv | Select-Object -First 1
}
if (-not $topic) { Stop-With "no storage system topic in $rg; provision infra/main.bicep first." 1 }
$storageId = Invoke-Az eventgrid system-topic show -g $rg -n $topic --query source -o tsv

# Flex Consumption scales to zero: a request wakes the host, which then registers the blob extension and its key. The
# app's address is its defaultHostName (azd exports it as SERVICE_FUNCTIONS_URI): Flex apps get a unique host name,
# never one made from the app's name.
$key = ''
$url = $env:SERVICE_FUNCTIONS_URI
for ($attempt = 1; $attempt -le 30; $attempt++) {
    $key = & az functionapp keys list -g $rg -n $app --query "systemKeys.blobs_extension" -o tsv 2>$null
    if ($LASTEXITCODE -ne 0) { $key = '' }
    if ($key) { break }
    Write-Output "Waiting for the blobs_extension key of $app (attempt $attempt/30)..."
    if (-not $url) { $url = "https://$(Invoke-Az functionapp show -g $rg -n $app --query defaultHostName -o tsv)" }
    try { Invoke-WebRequest -Uri "$url/" -Method Get -TimeoutSec 30 | Out-Null } catch { }
    Start-Sleep -Seconds 10
}
if (-not $key) { Stop-With "$app has no blobs_extension key. Is the code (with the IngestUpload blob trigger) deployed?" 1 }

# The template reads the key itself (listKeys), so it never appears on a command line or in the deployment history.
Invoke-Az deployment group create `
    --resource-group $rg `
    --name eventgrid-subscription `
    --template-file infra/app/eventgrid-subscription.bicep `
    --parameters "systemTopicName=$topic" "functionAppName=$app" "storageAccountResourceId=$storageId" `
    --only-show-errors --output none

Write-Output "Event Grid subscription uploads-to-ingest on $topic delivers new uploads/*.xlsx blobs to $app/IngestUpload."
