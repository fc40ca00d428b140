// Event Grid subscription that feeds the Event Grid-sourced blob trigger (IngestUpload). Deployed only once the code
// is running: the webhook needs the blobs_extension system key, which the host creates when it loads the trigger.
// Deployed by main.bicep (enableEventGridSubscription) or alone by infra/scripts/create-eventgrid-subscription.sh.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the existing Event Grid system topic on the storage account.')
param systemTopicName string

@description('Required. Name of the existing Functions app.')
param functionAppName string

@description('Required. Resource id of the storage account holding the dead-letter container.')
param storageAccountResourceId string

@description('Optional. Name of the subscription.')
param name string = 'uploads-to-ingest'

@description('Optional. Function the events are delivered to (its name as the host sees it).')
param functionName string = 'IngestUpload'

@description('Optional. Container whose new blobs trigger the function.')
param uploadsContainerName string = 'uploads'

@description('Optional. Only blobs whose name ends with this suffix raise events.')
param subjectEndsWith string = '.xlsx'

@description('Optional. Container for events that could not be delivered.')
param deadLetterContainerName string = 'eventgrid-deadletter'

@description('Optional. Delivery attempts before an event is dead-lettered.')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('Optional. Minutes an event is retried before it is dead-lettered.')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

// ============= //
//   Resources   //
// ============= //

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// The host's keys; Bicep has no type for sites/host, so list them by id.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: name
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${uploadsContainerName}/blobs/'
      subjectEndsWith: subjectEndsWith
      isSubjectCaseSensitive: false
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    // The topic's system identity writes here (Storage Blob Data Contributor on this container, rbac.bicep).
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storageAccountResourceId
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

// =========== //
//   Outputs   //
// =========== //

@description('The subscription name.')
output name string = subscription.name
