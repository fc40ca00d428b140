// Flex Consumption plan and the Functions app (isolated worker). It runs as a user-assigned identity, pulls its
// package from a blob container with that identity, and gets exactly the app settings main.bicep passes.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the Functions app. Not its host name: Flex Consumption apps get a unique default host name (<name>-<hash>.<region>-01.azurewebsites.net), so every address is built from defaultHostName.')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Optional. Location of the resources.')
param location string = resourceGroup().location

@description('Optional. Tags applied to every resource.')
param tags object = {}

@description('Optional. azd service name the app is tagged with, so `azd deploy` finds it.')
param serviceName string = 'functions'

@description('Required. Resource id of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Required. Blob endpoint of the storage account holding the deployment package, with a trailing slash.')
param deploymentBlobEndpoint string

@description('Required. Container holding the deployment package.')
param deploymentContainerName string

@description('Optional. Worker runtime.')
param runtimeName string = 'dotnet-isolated'

@description('Optional. Worker runtime version.')
param runtimeVersion string = '10.0'

@description('Optional. Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Optional. Most instances the app scales out to: the bound on what a burst (or an attack) can cost. Flex Consumption accepts 1 to 1000.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Required. App settings, by name. The whole set (with Portal__BaseUrl below): settings not listed here are removed on deployment.')
param appSettings object

@description('Optional. Public address of the portal (Portal__BaseUrl). Empty: the app\'s own address, https://<defaultHostName>, known only once the site exists.')
param portalBaseUrl string = ''

// ============= //
//   Resources   //
// ============= //

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (Mail__SendGridApiKey) resolve with the system identity unless told otherwise.
    keyVaultReferenceIdentity: identityResourceId
    // Only what Flex Consumption accepts: it refuses FTP-era settings such as ftpsState with ARM error 51021 ("…for
    // Flex Consumption sites is invalid"), enforced region by region. The official samples set no ftpsState
    // (Azure-Samples/azure-functions-flex-consumption-samples IaC/bicep/main.bicep, functions-quickstart-dotnet-azd-
    // eventgrid-blob infra/app/processor.bicep); Azure/terraform-azurerm-avm-res-web-site#345 lists the rejections.
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${deploymentBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, {
      Portal__BaseUrl: !empty(portalBaseUrl) ? portalBaseUrl : 'https://${functionApp.properties.defaultHostName}'
    })
  }

  // Deployments go through Entra ID (azd, az, func); publishing profiles with basic credentials stay off. Flex
  // Consumption has no FTP endpoint, so there is no 'ftp' policy to set (no Flex sample declares one).
  resource scmBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

// =========== //
//   Outputs   //
// =========== //

@description('The Functions app name.')
output name string = functionApp.name

@description('The Functions app base URL.')
output uri string = 'https://${functionApp.properties.defaultHostName}'
