#!/usr/bin/env bash
# Creates or updates the Event Grid subscription that feeds the IngestUpload blob trigger. Idempotent: it deploys
# infra/app/eventgrid-subscription.bicep, which ARM updates in place on every run.
#
# Runs as azd's postdeploy hook on Linux and macOS (azd exports the outputs of infra/main.bicep; on Windows the hook
# runs create-eventgrid-subscription.ps1, which does the same), or by hand after a code deployment:
#   AZURE_RESOURCE_GROUP=rg-plan AZURE_FUNCTION_APP_NAME=func-xyz bash infra/scripts/create-eventgrid-subscription.sh
# It must run after the code is deployed: the webhook authenticates with the host's blobs_extension system key,
# which the host creates only once it has loaded the blob trigger.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v az >/dev/null 2>&1 || { echo "error: the Azure CLI (az) is required." >&2; exit 2; }
rg=${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (the resource group of the deployment)}
app=${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (output of infra/main.bicep)}
# The same az calls as create-eventgrid-subscription.ps1 (Windows), argument for argument; a test compares them.
# `sed -n 1p` rather than `head`: head closes the pipe early, and under pipefail az's SIGPIPE would fail the hook.
topic=${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:-$(az eventgrid system-topic list -g "$rg" \
  --query "[?topicType=='Microsoft.Storage.StorageAccounts'].name" -o tsv | sed -n 1p)}
[ -n "$topic" ] || { echo "error: no storage system topic in $rg; provision infra/main.bicep first." >&2; exit 1; }
storage_id=$(az eventgrid system-topic show -g "$rg" -n "$topic" --query source -o tsv)

# Flex Consumption scales to zero: a request wakes the host, which then registers the blob extension and its key. The
# app's address is its defaultHostName (azd exports it as SERVICE_FUNCTIONS_URI): Flex apps get a unique host name,
# never one made from the app's name.
key=""
url=${SERVICE_FUNCTIONS_URI:-}
for attempt in $(seq 1 30); do
  key=$(az functionapp keys list -g "$rg" -n "$app" --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  echo "Waiting for the blobs_extension key of $app (attempt $attempt/30)…"
  [ -n "$url" ] || url="https://$(az functionapp show -g "$rg" -n "$app" --query defaultHostName -o tsv)"
  curl -fsS -o /dev/null --max-time 30 "$url/" 2>/dev/null || true
  sleep 10
done
if [ -z "$key" ]; then
  echo "error: $app has no blobs_extension key. Is the code (with the IngestUpload blob trigger) deployed?" >&2
  exit 1
fi

# The template reads the key itself (listKeys), so it never appears on a command line or in the deployment history.
az deployment group create \
  --resource-group "$rg" \
  --name eventgrid-subscription \
  --template-file infra/app/eventgrid-subscription.bicep \
  --parameters systemTopicName="$topic" functionAppName="$app" storageAccountResourceId="$storage_id" \
  --only-show-errors --output none

echo "Event Grid subscription uploads-to-ingest on $topic delivers new uploads/*.xlsx blobs to $app/IngestUpload."
