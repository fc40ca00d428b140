// Storage account holding the uploads, the merged tables, the Functions host state and the deployment package.
// Shared keys are off: every client (app, Event Grid, people) authenticates with Entra ID.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Location of the storage account.')
param location string = resourceGroup().location

@description('Optional. Tags applied to every resource.')
param tags object = {}

@description('Required. Blob containers to create.')
param containerNames string[]

@description('Required. Tables to create.')
param tableNames string[]

@description('Optional. Days deleted blobs and containers are kept before they are purged.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 14

@description('Optional. Keep a change feed of every blob change (audit trail of uploads; billed per change).')
param enableChangeFeed bool = false

// ============= //
//   Resources   //
// ============= //

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      // Event Grid and the Functions platform reach the account as trusted Azure services.
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    // Versions and soft delete let an overwritten or deleted submission be recovered.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    changeFeed: {
      enabled: enableChangeFeed
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// =========== //
//   Outputs   //
// =========== //

@description('The storage account name.')
output name string = storageAccount.name

@description('The storage account resource id.')
output resourceId string = storageAccount.id

@description('Blob endpoint, with a trailing slash.')
output blobEndpoint string = storageAccount.properties.primaryEndpoints.blob

@description('Queue endpoint, with a trailing slash.')
output queueEndpoint string = storageAccount.properties.primaryEndpoints.queue

@description('Table endpoint, with a trailing slash.')
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table
