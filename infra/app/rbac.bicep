// Every role assignment of the deployment, least privilege, and the one custom role (uploaders). Names are
// guid(scope, principal, role), so a redeploy finds the same assignment instead of failing on a duplicate.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the storage account holding the coalition\'s data.')
param storageAccountName string

@description('Required. Name of the Functions host\'s own storage account (AzureWebJobsStorage, the deployment package).')
param hostStorageAccountName string

@description('Required. Containers of the data account the app writes (Storage Blob Data Contributor on each, nothing wider).')
param appWriteContainers string[]

@description('Optional. Containers of the data account the app only reads (Storage Blob Data Reader on each).')
param appReadContainers string[] = []

@description('Required. Name of the key vault holding the SendGrid key.')
param keyVaultName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Required. Principal id of the Functions app\'s user-assigned identity.')
param appPrincipalId string

@description('Required. Principal id of the Event Grid system topic\'s identity (writes dead-lettered events).')
param systemTopicPrincipalId string

@description('Required. Container receiving dead-lettered events.')
param deadLetterContainerName string

@description('Optional. Entra ID group object id per reporting unit code (e.g. {"GT": "<group id>"}). Each group may read, list, write and delete blobs under uploads/<unit>/ only.')
param uploaderGroups object = {}

@description('Optional. Also give each uploader group Reader on the storage account, so its members find the account and the uploads container in the Azure portal (Reader sees configuration, never data or keys).')
param uploadersReadAccount bool = true

@description('Optional. Object ids of the Entra ID groups that read the open-data exports (analysts, and any pipeline\'s service principal put in such a group): Storage Blob Data Reader on the exports container, nothing else.')
param exportReaderPrincipalIds string[] = []

@description('Optional. Container of the open-data exports (current/ and dated snapshots/), which the app writes and exportReaderPrincipalIds read.')
param exportsContainerName string = 'exports'

@description('Optional. Object id of the deploying user or service principal, granted data access for testing and the SendGrid secret. Empty: none.')
param userPrincipalId string = ''

@description('Optional. Type of the deploying principal: a person, or the service principal of a pipeline.')
@allowed(['User', 'ServicePrincipal'])
param userPrincipalType string = 'User'

// ============== //
//   Role ids     //
// ============== //

// Storage Blob Data Owner: the host's AzureWebJobsStorage (blob leases, container creation) and the deployment package,
// on the host's own account only.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
// Storage Blob Data Contributor: the app on each container it writes, the dead-letter writer, the deploying user.
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
// Storage Blob Data Reader: the app on each container it only reads (published plans); readers of the open-data exports.
var storageBlobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
// Storage Blob Delegator: the app asks for the user delegation key that signs the portal's workbook links. A link can
// grant no more than its signer holds, so per-container roles bound what a stolen key could sign.
var storageBlobDelegator = 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
// Reader: uploaders find the storage account in the portal (configuration only: no data, no keys).
var reader = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
// ServerlessPlan uploader (custom, defined below): blob data actions only, under a per-unit condition.
var uploaderRoleId = guid(resourceGroup().id, 'serverlessplan-uploader')
// Storage Queue Data Contributor: the blob trigger's poison queue and receipts, the host's internal queues.
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Storage Table Data Contributor: Progress, Submissions, Digests, Reminders and PeriodLocks tables.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Key Vault Secrets User: the app resolves the Mail__SendGridApiKey Key Vault reference.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
// Key Vault Secrets Officer: the deploying user sets or rotates the SendGrid key.
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
// Monitoring Metrics Publisher: telemetry with Entra ID auth (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

// The uploader role's data actions, and nothing else: no control-plane action, so no container can be created,
// changed or deleted (Storage Blob Data Contributor's containers/write and containers/delete ignore conditions).
var uploaderDataActions = [
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'
]

// Uploaders may read, write and delete blobs only under uploads/{unit}/, and list only with that prefix. Every action
// the condition names is one of uploaderDataActions. The container name is StorageNames.UploadsContainer;
// CompiledTemplateTests checks the compiled text.
var uploaderConditionTemplate = '''
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'uploads'
  AND
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith '{unit}/'
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'uploads'
  AND
  @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith '{unit}/'
 )
)
'''

// ======================= //
//   Existing resources    //
// ======================= //

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource uploads 'containers' existing = {
      name: 'uploads'
    }

    resource deadLetter 'containers' existing = {
      name: deadLetterContainerName
    }

    resource exports 'containers' existing = {
      name: exportsContainerName
    }
  }
}

resource writtenContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = [
  for containerName in appWriteContainers: {
    parent: storageAccount::blobService
    name: containerName
  }
]

resource readContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = [
  for containerName in appReadContainers: {
    parent: storageAccount::blobService
    name: containerName
  }
]

resource hostStorageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: hostStorageAccountName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// ======================= //
//   Functions app         //
// ======================= //

// The coalition's data: a data role per container, never one on the whole account.
resource appContainerWriters 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in appWriteContainers: {
    name: guid(writtenContainers[i].id, appPrincipalId, storageBlobDataContributor)
    scope: writtenContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      description: 'The app writes ${containerName}.'
    }
  }
]

resource appContainerReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in appReadContainers: {
    name: guid(readContainers[i].id, appPrincipalId, storageBlobDataReader)
    scope: readContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataReader)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      description: 'The app reads ${containerName}.'
    }
  }
]

// Event Grid's dead letters: the operations page and `serverlessplan status` list them, and a replay reads the event
// and marks it replayed (metadata), so the app writes this container too; Event Grid's own writer role is below.
resource appDeadLetterOperator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount::blobService::deadLetter.id, appPrincipalId, storageBlobDataContributor)
  scope: storageAccount::blobService::deadLetter
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'The app lists and replays Event Grid dead letters.'
  }
}

// The user delegation key is an account-level operation; the role holds no data action.
resource appDelegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, appPrincipalId, storageBlobDelegator)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDelegator)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The host's own account: what the Functions host needs for identity-based AzureWebJobsStorage and the package.
resource hostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorageAccount.id, appPrincipalId, storageBlobDataOwner)
  scope: hostStorageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource hostQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorageAccount.id, appPrincipalId, storageQueueDataContributor)
  scope: hostStorageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource hostTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorageAccount.id, appPrincipalId, storageTableDataContributor)
  scope: hostStorageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The data account's queues (the blob trigger's poison queue) and tables (Progress, Submissions, …: the account holds
// only the app's tables now that the host has its own).

resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, appPrincipalId, storageQueueDataContributor)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, appPrincipalId, storageTableDataContributor)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, appPrincipalId, keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ======================= //
//   Event Grid            //
// ======================= //

// Scoped to the dead-letter container: the topic's identity can write nowhere else.
resource topicDeadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount::blobService::deadLetter.id, systemTopicPrincipalId, storageBlobDataContributor)
  scope: storageAccount::blobService::deadLetter
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: systemTopicPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ======================= //
//   Uploaders per unit    //
// ======================= //

// A custom role rather than Storage Blob Data Contributor: conditions filter data actions only
// (https://learn.microsoft.com/azure/role-based-access-control/conditions-overview), so that role's
// containers/delete would let any country's group delete the whole uploads container. Creating it needs
// Microsoft.Authorization/roleDefinitions/write (Owner or User Access Administrator; docs/deploy.md). Role names are
// unique in the tenant, hence the resource group's hash in it.
// https://learn.microsoft.com/azure/role-based-access-control/custom-roles-bicep
resource uploaderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (!empty(uploaderGroups)) {
  name: uploaderRoleId
  properties: {
    roleName: 'ServerlessPlan uploader ${uniqueString(resourceGroup().id)} (${take(resourceGroup().name, 60)})'
    description: 'Reads, writes and deletes blobs (no container, no account action). Assigned on the uploads container with a condition that confines each reporting unit to its folder.'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: uploaderDataActions
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

// Scoped to the uploads container; the condition then confines the data actions to the unit's folder. A role
// definition's id is subscription-wide even when the role is assignable in one resource group only.
resource uploaderAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for uploader in items(uploaderGroups): {
    name: guid(storageAccount::blobService::uploads.id, uploader.value, uploaderRoleId)
    scope: storageAccount::blobService::uploads
    dependsOn: [
      uploaderRole
    ]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', uploaderRoleId)
      principalId: uploader.value
      principalType: 'Group'
      description: 'Uploads of reporting unit ${uploader.key}: uploads/${uploader.key}/ only.'
      conditionVersion: '2.0'
      condition: replace(uploaderConditionTemplate, '{unit}', uploader.key)
    }
  }
]

// Browsing blobs in the portal with an Entra ID account takes a data role plus Reader (or another Resource Manager
// role) on the account: https://learn.microsoft.com/azure/storage/blobs/authorize-data-operations-portal
resource uploaderAccountReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for uploader in items(uploaderGroups): if (uploadersReadAccount) {
    name: guid(storageAccount.id, uploader.value, reader)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', reader)
      principalId: uploader.value
      principalType: 'Group'
      description: 'Reporting unit ${uploader.key} finds the storage account in the portal.'
    }
  }
]

// ======================= //
//   Open-data readers     //
// ======================= //

// Power BI, Fabric and Synapse read exports/current/ (and the dated snapshots) with the reader's own Entra ID sign-in:
// read and list on that container only, never the coalition's uploads, archive or reports. Groups, as the uploaders':
// people and a pipeline's service principal are added to the group, not named here.
resource exportReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for readerId in exportReaderPrincipalIds: {
    name: guid(storageAccount::blobService::exports.id, readerId, storageBlobDataReader)
    scope: storageAccount::blobService::exports
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataReader)
      principalId: readerId
      principalType: 'Group'
      description: 'Reads the open-data exports (exports/current/, exports/snapshots/).'
    }
  }
]

// ======================= //
//   Deploying user        //
// ======================= //

resource userBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(storageAccount.id, userPrincipalId, storageBlobDataContributor)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(storageAccount.id, userPrincipalId, storageTableDataContributor)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(keyVault.id, userPrincipalId, keyVaultSecretsOfficer)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}
