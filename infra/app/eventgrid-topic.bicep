// Event Grid system topic on the storage account: the source of the blob trigger's BlobCreated events.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the system topic.')
param name string

@description('Optional. Location of the system topic (the storage account\'s).')
param location string = resourceGroup().location

@description('Optional. Tags applied to every resource.')
param tags object = {}

@description('Required. Resource id of the storage account whose events the topic publishes.')
param storageAccountResourceId string

// ============= //
//   Resources   //
// ============= //

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  // The identity writes undeliverable events to the dead-letter container (shared keys are off on the account).
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storageAccountResourceId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// =========== //
//   Outputs   //
// =========== //

@description('The system topic name.')
output name string = systemTopic.name

@description('Principal id of the system topic\'s identity.')
output principalId string = systemTopic.identity.principalId
