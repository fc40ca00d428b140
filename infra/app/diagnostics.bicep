// Diagnostic settings: the data account's blob, queue and table services, the key vault and the Event Grid system
// topic send their logs (and metrics) to the Log Analytics workspace, where the runbook's queries and the Key Vault
// expiry alert read them (docs/operations.md).

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the storage account holding the coalition\'s data.')
param storageAccountName string

@description('Required. Name of the key vault.')
param keyVaultName string

@description('Required. Name of the Event Grid system topic on the storage account.')
param systemTopicName string

// ============= //
//   Variables   //
// ============= //

var settingName = 'to-log-analytics'
var allLogs = [
  {
    categoryGroup: 'allLogs'
    enabled: true
  }
]
var allMetrics = [
  {
    category: 'AllMetrics'
    enabled: true
  }
]
// Storage services report their metrics as Transaction (Capacity is the account's).
var transactionMetrics = [
  {
    category: 'Transaction'
    enabled: true
  }
]

// ============= //
//   Resources   //
// ============= //

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'
  }

  resource queueService 'queueServices' existing = {
    name: 'default'
  }

  resource tableService 'tableServices' existing = {
    name: 'default'
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: storageAccount::blobService
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: transactionMetrics
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: storageAccount::queueService
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: transactionMetrics
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: storageAccount::tableService
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: transactionMetrics
  }
}

resource keyVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: keyVault
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: allMetrics
  }
}

resource topicDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: systemTopic
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: allMetrics
  }
}
