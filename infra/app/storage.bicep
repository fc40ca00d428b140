// Storage account holding the coalition's data: the uploads, the archive of every original, the merged tables, the
// reports, mails and caches. The Functions host's own state and the deployment package live in another account
// (host-storage.bicep). Shared keys are off: every client (app, Event Grid, people) authenticates with Entra ID.
// What must be kept is kept (the archive cannot be deleted or overwritten, deleted blobs and containers are soft
// deleted, the account is locked against deletion) and what may be forgotten is forgotten (old blob versions, the
// workbook cache, old export snapshots: the lifecycle policy below).

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

@description('Required. Blob containers to create (besides the archive).')
param containerNames string[]

@description('Optional. The container of every original upload: version-level immutability with a time-based retention policy, so no blob version in it can be deleted or overwritten for archiveRetentionDays.')
param archiveContainerName string = 'archive'

@description('Optional. Days each version of an archived original is protected from deletion and overwrite (the policy stays unlocked: it can be lengthened, or shortened until someone locks it; docs/deploy.md).')
@minValue(1)
@maxValue(146000)
param archiveRetentionDays int = 3650

@description('Optional. Days a blob version that is no longer current is kept before the lifecycle policy deletes it (every container but the archive).')
@minValue(1)
param oldVersionRetentionDays int = 90

@description('Optional. Container of the portal\'s cached merged workbooks (regenerable), deleted by the lifecycle policy after workbookCacheDays.')
param workbookCacheContainerName string = 'workbooks'

@description('Optional. Days a cached merged workbook is kept after it was last written.')
@minValue(1)
param workbookCacheDays int = 30

@description('Optional. Blob prefix of the dated snapshots of the open-data exports (container/path/).')
param exportSnapshotsPrefix string = 'exports/snapshots/'

@description('Optional. Blob prefix of the open-data package as it is now (container/path/): a copy of the newest snapshot.')
param exportCurrentPrefix string = 'exports/current/'

@description('Optional. Days a dated export snapshot is kept after it was written.')
@minValue(1)
param exportSnapshotDays int = 365

@description('Optional. Put a CanNotDelete lock on the account: deleting it (or azd down) then needs the lock removed first.')
param lockAccount bool = true

@description('Optional. Zone-redundant storage (Standard_ZRS) instead of locally redundant; only where the region has availability zones.')
param zoneRedundant bool = false

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
    name: zoneRedundant ? 'Standard_ZRS' : 'Standard_LRS'
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

// Version-level immutability (the account keeps versions): each version of an original is protected from deletion and
// overwrite for archiveRetentionDays by the container's default policy. The app writes originals once (If-None-Match),
// so a protected blob never stands in its way. https://learn.microsoft.com/azure/storage/blobs/immutable-version-level-worm-policies
resource archive 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: archiveContainerName
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: {
      enabled: true
    }
  }
}

resource archiveRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = {
  parent: archive
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveRetentionDays
    allowProtectedAppendWrites: false
  }
}

// Old versions everywhere but the archive (whose versions the retention policy keeps), the workbook cache and old export
// snapshots. Lifecycle runs once a day and never touches the archive: no rule names it.
// https://learn.microsoft.com/azure/storage/blobs/lifecycle-management-overview
var oldVersionPrefixes = [for containerName in containerNames: '${containerName}/']

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: oldVersionPrefixes
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: oldVersionRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'forget-cached-workbooks'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${workbookCacheContainerName}/']
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: workbookCacheDays
                }
              }
            }
          }
        }
        {
          // current/ is a copy of the newest snapshot, rewritten at each publication: its old versions are in the
          // snapshots already, so they go after a day rather than oldVersionRetentionDays.
          name: 'forget-replaced-current-exports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [exportCurrentPrefix]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: 1
                }
              }
            }
          }
        }
        {
          name: 'forget-old-export-snapshots'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [exportSnapshotsPrefix]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: exportSnapshotDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// Locks stop deletion through Azure Resource Manager only (the account, its containers as resources); data-plane
// deletes are governed by the roles, soft delete and the archive's policy. Creating a lock needs
// Microsoft.Authorization/locks/write (Owner or User Access Administrator).
resource accountLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockAccount) {
  name: 'keep-coalition-data'
  scope: storageAccount
  properties: {
    level: 'CanNotDelete'
    notes: 'The coalition\'s uploads, archive and records. Remove this lock only to retire the deployment (docs/deploy.md).'
  }
}

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

@description('Name of the archive container.')
output archiveContainerName string = archive.name

@description('Table endpoint, with a trailing slash.')
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table
