// Key Vault for the SendGrid API key. Access is by Azure RBAC only (no access policies).

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the key vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Location of the key vault.')
param location string = resourceGroup().location

@description('Optional. Tags applied to every resource.')
param tags object = {}

@description('Optional. SendGrid API key to write as a new version of the secret. Empty: the secret is left as it is.')
@secure()
param sendGridApiKey string = ''

@description('Optional. Name of the secret holding the SendGrid API key.')
param sendGridSecretName string = 'SendGridApiKey'

@description('Optional. Protect the vault against purge (irreversible once on; off keeps test environments disposable).')
param enablePurgeProtection bool = false

// ============= //
//   Resources   //
// ============= //

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // ARM rejects an explicit false once purge protection is on; null leaves it as it is.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: keyVault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

// =========== //
//   Outputs   //
// =========== //

@description('The key vault name.')
output name string = keyVault.name

@description('The key vault URI, with a trailing slash.')
output vaultUri string = keyVault.properties.vaultUri

@description('Name of the secret holding the SendGrid API key (written only when a key was given).')
output sendGridSecretName string = sendGridSecretName
