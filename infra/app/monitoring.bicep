// Log Analytics workspace and the workspace-based Application Insights the Functions host and worker write to.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Optional. Location of the resources.')
param location string = resourceGroup().location

@description('Optional. Tags applied to every resource.')
param tags object = {}

@description('Optional. Days logs are retained.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Optional. Accept only Entra ID-authenticated telemetry (the app sends it as its managed identity).')
param disableLocalAuth bool = true

// ============= //
//   Resources   //
// ============= //

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    retentionInDays: retentionInDays
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: disableLocalAuth
  }
}

// =========== //
//   Outputs   //
// =========== //

@description('The Log Analytics workspace name.')
output logAnalyticsName string = logAnalytics.name

@description('The Application Insights component name.')
output applicationInsightsName string = applicationInsights.name

@description('The Application Insights connection string (not a secret: with local auth off it only addresses the component).')
output connectionString string = applicationInsights.properties.ConnectionString
