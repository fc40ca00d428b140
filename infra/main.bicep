// ServerlessPlan in one resource group: storage (uploads, merged tables, host state), a Flex Consumption Functions
// app running as a user-assigned identity, Key Vault for the SendGrid key, monitoring, and the Event Grid topic that
// drives the blob trigger. The app-setting names here are the code's contract (Core options, StorageNames,
// functions.metadata); Functions.Tests/Unit/Infra/CompiledTemplateTests.cs checks the compiled template against it.
targetScope = 'resourceGroup'

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the environment (azd environment name), used in the resource names\' hash and tags.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Optional. Location of every resource.')
@metadata({ azd: { type: 'location' } })
param location string = resourceGroup().location

@description('Optional. Object id of the deploying user or service principal, granted data access for testing and the right to set the SendGrid secret. Empty: none.')
param principalId string = ''

@description('Optional. Type of the principal in principalId: "User", or "ServicePrincipal" when a pipeline deploys. azd 1.17.1+ passes AZURE_PRINCIPAL_TYPE; anything else counts as "User".')
param principalType string = 'User'

@description('Optional. SendGrid API key. Written to Key Vault on first setup (sendGridKeyStored false) or when rotateSendGridKey is true; otherwise ignored, so a key left in the azd environment never undoes a rotation.')
@secure()
param sendGridApiKey string = ''

@description('Optional. The vault already holds the SendGrid key: azd passes back this deployment\'s SENDGRID_KEY_STORED output. With az, pass the previous deployment\'s output.')
param sendGridKeyStored bool = false

@description('Optional. Write sendGridApiKey to Key Vault even though a key is stored already (rotation through the template).')
param rotateSendGridKey bool = false

@description('Optional. Entra ID group object id per reporting unit code, e.g. {"GT": "<group id>", "ST": "<group id>"}. Each group may upload under uploads/<unit>/ only (a custom role: creating it needs Owner or User Access Administrator).')
param uploaderGroups object = {}

@description('Optional. Give the uploader groups Reader on the storage account, so they find it in the Azure portal.')
param uploadersReadAccount bool = true

@description('Optional. Object ids of the Entra ID groups whose members (people, a pipeline\'s service principal) read the open-data exports (exports/current/ and exports/snapshots/) with Power BI, Fabric or Synapse: Storage Blob Data Reader on the exports container only (docs/data.md, "In storage").')
param exportReaderPrincipalIds array = []

@description('Optional. Create the Event Grid subscription for the blob trigger. Turn on only once the code is deployed: its webhook needs the host\'s blobs_extension key.')
param enableEventGridSubscription bool = false

@description('Optional. Name of the Functions app. Empty: generated.')
param functionAppName string = ''

@description('Optional. Name of the storage account holding the coalition\'s data. Empty: generated.')
param storageAccountName string = ''

@description('Optional. Name of the Functions host\'s own storage account (AzureWebJobsStorage, deployment package). Empty: generated.')
param hostStorageAccountName string = ''

@description('Optional. Name of the key vault. Empty: generated.')
param keyVaultName string = ''

@description('Optional. Keep a blob change feed (audit trail of every upload).')
param enableStorageChangeFeed bool = false

// What the data account keeps and forgets (infra/app/storage.bicep; docs/deploy.md, "What is kept, and for how long").

@description('Optional. Days each archived original is protected from deletion and overwrite (version-level immutability of the archive container).')
@minValue(1)
@maxValue(146000)
param archiveRetentionDays int = 3650

@description('Optional. Days deleted blobs and containers stay recoverable (soft delete).')
@minValue(1)
@maxValue(365)
param storageSoftDeleteDays int = 14

@description('Optional. Days a blob version that is no longer current is kept (every container but the archive).')
@minValue(1)
param oldVersionRetentionDays int = 90

@description('Optional. Days a cached merged workbook (workbooks container) is kept after it was written; the portal regenerates it.')
@minValue(1)
param workbookCacheDays int = 30

@description('Optional. Days a dated open-data snapshot (exports/snapshots/) is kept.')
@minValue(1)
param exportSnapshotDays int = 365

@description('Optional. CanNotDelete lock on the data storage account (creating a lock needs Owner or User Access Administrator).')
param lockStorageAccount bool = true

@description('Optional. Zone-redundant data storage (Standard_ZRS); only in regions with availability zones.')
param storageZoneRedundant bool = false

@description('Optional. Most instances the Functions app scales out to (1-1000): bounds the cost of a burst.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Optional. Key Vault purge protection: a deleted vault (and the SendGrid key) can then not be purged before its retention ends. Irreversible once on; turn off only for disposable test environments.')
param keyVaultPurgeProtection bool = true

@description('Optional. Accept only Entra ID-authenticated telemetry in Application Insights.')
param disableApplicationInsightsLocalAuth bool = true

// Operations: who is told, and when (infra/app/alerts.bicep; the runbook is docs/operations.md).

@description('Optional. Address the operators\' alerts and the budget e-mail (the action group\'s receiver: a shared mailbox or a list). Empty: alerts show in the Azure portal only.')
param opsEmail string = ''

@description('Optional. Monthly cost budget of the resource group, in the billing currency; the operators are told at 80 % spent and when the forecast passes it. 0: no budget.')
@minValue(0)
param monthlyBudget int = 0

@description('Optional. Ingestions that threw within 15 minutes above which the ingestion-failures alert fires.')
@minValue(0)
param ingestionFailureThreshold int = 3

// Settings of the app (defaults mirror the options classes in Core).

@description('Optional. NCRONTAB schedule of the digest e-mail (DigestSchedule). Default: Mondays 12:00 UTC.')
param digestSchedule string = '0 0 12 * * MON'

@description('Optional. Digest recipients, separated by ";" (Digest__Recipients).')
param digestRecipients string = ''

@description('Optional. Language of the digest, "es" or "en" (Digest__Language).')
@allowed(['es', 'en'])
param digestLanguage string = 'es'

@description('Optional. Largest workbook attached to the digest, in bytes; larger ones are linked (Digest__MaxAttachmentBytes).')
param digestMaxAttachmentBytes int = 5242880

@description('Optional. Which quarter the digest (and the workbook download without a period) reports: the last one due or the one in progress (Digest__Period).')
@allowed(['LastDue', 'InProgress'])
param digestPeriod string = 'LastDue'

@description('Optional. Public address of the signed-in portal that mails link to (Portal__BaseUrl), e.g. a custom domain. Empty: the app\'s own address, https://<its defaultHostName>.')
param portalBaseUrl string = ''

@description('Optional. Application (client) id of the portal\'s Entra ID app registration, which defines the app roles Unit.<CODE>, Coalition.Reader and Coalition.Admin (docs/deploy.md, "Portal sign-in"). Empty: no sign-in is configured and the portal refuses everyone.')
param portalClientId string = ''

@description('Optional. Tenant of the portal\'s app registration. Empty: the deployment\'s tenant.')
param portalTenantId string = ''

@description('Optional. The portal\'s workbook download redirects to a 5-minute read-only user-delegation SAS of the stored workbook, read by the browser from the storage account (which must then be reachable from people\'s browsers); false streams it through the app (Portal__WorkbookRedirect).')
param portalWorkbookRedirect bool = true

@description('Optional. Registered contacts per reporting unit code, addresses separated by ";", e.g. {"GT": "ana@gt.example.org;luis@gt.example.org"} (Contacts__Units__{unit}). Result mails go only to these addresses and the ST copy.')
param unitContacts object = {}

@description('Optional. Address(es) of the Secretaría Técnica copied on every result mail, separated by ";" (Contacts__SecretariatCopy).')
param contactsStCopy string = ''

@description('Optional. NCRONTAB schedule of the reminders, late notices and the ST\'s weekly list of missing units (ReminderSchedule). Default: daily 13:00 UTC.')
param reminderSchedule string = '0 0 13 * * *'

@description('Optional. Days before the deadline at which units without an accepted sheet are reminded, separated by ";" (Reminders__DaysBefore). Empty: no reminders before the deadline.')
param remindersDaysBefore string = '14;3'

@description('Optional. Unit codes exempt from reminders and late notices, separated by ";" (Reminders__ExemptUnits); the ST\'s list still shows them.')
param remindersExemptUnits string = ''

@description('Optional. Language of the ST\'s weekly list of missing units, "es" or "en" (Reminders__ListLanguage).')
@allowed(['es', 'en'])
param remindersListLanguage string = 'es'

@description('Optional. Sender address of the mail (Mail__FromAddress).')
param mailFromAddress string = 'no-reply@coalicion-regional.example'

@description('Optional. Sender name of the mail (Mail__FromName).')
param mailFromName string = 'Coalición Regional — ServerlessPlan'

@description('Optional. Attempts for throttled or failed SendGrid calls (Mail__MaxAttempts).')
@minValue(1)
param mailMaxAttempts int = 5

@description('Optional. Days after a quarter ends by which a sheet is due (Reports__DeadlineDays).')
@minValue(0)
@maxValue(365)
param reportsDeadlineDays int = 30

@description('Optional. Days after the deadline a quarter still accepts late sheets before it locks for uploads; 0 locks at the deadline, -1 never locks (Reports__LockGraceDays).')
@minValue(-1)
@maxValue(365)
param reportsLockGraceDays int = 15

@description('Optional. Largest accepted upload, in bytes (Ingestion__MaxUploadBytes).')
param ingestionMaxUploadBytes int = 10485760

@description('Optional. Most entries an uploaded workbook package may hold (Ingestion__MaxZipEntries).')
param ingestionMaxZipEntries int = 2000

@description('Optional. Most bytes an uploaded package may inflate to (Ingestion__MaxUncompressedBytes).')
param ingestionMaxUncompressedBytes int = 104857600

@description('Optional. Id of the default plan (Plan__Id): the embedded one, or a published plan of that id.')
param planId string = '2020-2022'

@description('Optional. Minutes between two reads of the published plans by a running app, 0 for only at start (Plan__RefreshMinutes).')
@minValue(0)
@maxValue(1440)
param planRefreshMinutes int = 5

// ============= //
//   Variables   //
// ============= //

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var appName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}${resourceToken}'
var storageName = !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
var hostStorageName = !empty(hostStorageAccountName) ? hostStorageAccountName : '${abbrs.storageStorageAccounts}fn${resourceToken}'
var vaultName = !empty(keyVaultName) ? keyVaultName : '${abbrs.keyVaultVaults}${resourceToken}'

// The app's containers and tables: exactly Core/Storage/StorageNames.cs, by what the app's identity may do in each:
// write (Storage Blob Data Contributor on that container) or only read (published plans, which the ST publishes with
// the CLI). The archive is created apart (immutable) and written once per original; the dead-letter container is
// Event Grid's alone. A new container goes in one of the two lists.
var archiveContainerName = 'archive'
var appWriteContainers = ['uploads', 'reports', 'outbox', 'workbooks', 'exports']
var appReadContainers = ['config']
var dataContainers = concat(appWriteContainers, appReadContainers)
var dataTables = ['Progress', 'Submissions', 'Digests', 'Reminders', 'PeriodLocks']
var deploymentContainerName = 'app-package-${take(appName, 32)}-${take(resourceToken, 7)}'
var deadLetterContainerName = 'eventgrid-deadletter'
var systemTopicName = '${abbrs.eventGridDomainsTopics}storage-${resourceToken}'

// The plain route passes main.parameters.json to az as is; an unreplaced azd placeholder means "not given".
var sendGridKey = startsWith(sendGridApiKey, '\${') ? '' : sendGridApiKey
var deployerId = startsWith(principalId, '\${') ? '' : principalId
var portalAppId = startsWith(portalClientId, '\${') ? '' : portalClientId
var portalTenant = !empty(portalTenantId) ? portalTenantId : tenant().tenantId
// Power BI's Web connector asks Entra ID for a token whose resource is the root (scheme and host) of the URL it reads,
// so a custom portal address is also a bearer audience; the registration's Application ID URI must then be that root,
// on a domain verified in the tenant (docs/data.md, "Power BI"). The app's own *.azurewebsites.net host cannot be one.
var portalOriginParts = split(portalBaseUrl, '/')
// first() and last(take()) rather than [0] and [2]: defined for every address, the empty one included.
var portalOrigin = empty(portalBaseUrl) ? '' : '${first(portalOriginParts)}//${last(take(portalOriginParts, 3))}'
var portalTokenAudiences = empty(portalOrigin) ? [] : [
  portalOrigin
  '${portalOrigin}/'
]
var opsAddresses = startsWith(opsEmail, '\${') ? '' : opsEmail
// The portal is served by the app itself: its default address is the app's own (defaultHostName, function-app.bicep).
var portalAddress = !empty(portalBaseUrl) ? portalBaseUrl : functionApp.outputs.uri
// Role assignments fail with UnmatchedPrincipalType when this disagrees with the principal (a pipeline's service
// principal deploying as 'User'); azd reports the signed-in type (Azure/azure-dev#5285, azd 1.17.1).
var deployerType = principalType =~ 'ServicePrincipal' ? 'ServicePrincipal' : 'User'

// The key is written on first setup and on an explicit rotation only: azd keeps SENDGRID_API_KEY in its environment,
// and rewriting it on every provision would make an old key the newest version again after a rotation in the vault.
// "Stored" is known two ways: azd passes back SENDGRID_KEY_STORED, and the resource group carries a tag this template
// sets when it writes the key, read back before the deployment (resourceGroup().tags). The tag survives what the azd
// environment may lose (a new machine, an environment recreated with the same names), so a key left in
// SENDGRID_API_KEY is never written back over a rotated one.
var sendGridKeyTag = 'serverlessplan-sendgrid-key-stored-${vaultName}'
var sendGridKeyTagged = contains(resourceGroup().?tags ?? {}, sendGridKeyTag)
var writeSendGridKey = !empty(sendGridKey) && (!(sendGridKeyStored || sendGridKeyTagged) || rotateSendGridKey)

// ============= //
//   Resources   //
// ============= //

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${abbrs.managedIdentityUserAssignedIdentities}${appName}'
  location: location
  tags: tags
}

// The resource group's tags, with the marker added: a tags resource replaces the whole set, so the others are kept.
resource sendGridKeyMarker 'Microsoft.Resources/tags@2024-03-01' = if (writeSendGridKey) {
  name: 'default'
  properties: {
    tags: union(resourceGroup().?tags ?? {}, { '${sendGridKeyTag}': 'true' })
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageName
    location: location
    tags: tags
    containerNames: concat(dataContainers, [deadLetterContainerName])
    archiveContainerName: archiveContainerName
    archiveRetentionDays: archiveRetentionDays
    softDeleteRetentionDays: storageSoftDeleteDays
    oldVersionRetentionDays: oldVersionRetentionDays
    workbookCacheDays: workbookCacheDays
    exportSnapshotDays: exportSnapshotDays
    lockAccount: lockStorageAccount
    zoneRedundant: storageZoneRedundant
    tableNames: dataTables
    enableChangeFeed: enableStorageChangeFeed
  }
}

module hostStorage 'app/host-storage.bicep' = {
  name: 'host-storage'
  params: {
    name: hostStorageName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    disableLocalAuth: disableApplicationInsightsLocalAuth
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: vaultName
    location: location
    tags: tags
    sendGridApiKey: writeSendGridKey ? sendGridKey : ''
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'functionapp'
  params: {
    name: appName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityResourceId: appIdentity.id
    deploymentBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    instanceMemoryMB: 2048
    maximumInstanceCount: maximumInstanceCount
    portalBaseUrl: portalBaseUrl
    // Names are the code's: options sections (Section__Property), connection PlanStorage, %DigestSchedule%, %ReminderSchedule%.
    appSettings: {
      // Functions host storage, identity-based, in the host's own account (nothing of the coalition's there).
      AzureWebJobsStorage__blobServiceUri: hostStorage.outputs.blobEndpoint
      AzureWebJobsStorage__queueServiceUri: hostStorage.outputs.queueEndpoint
      AzureWebJobsStorage__tableServiceUri: hostStorage.outputs.tableEndpoint
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: appIdentity.properties.clientId
      // The app's data (StorageNames.Connection); the blob trigger also needs the queue endpoint for poison messages.
      PlanStorage__blobServiceUri: storage.outputs.blobEndpoint
      PlanStorage__queueServiceUri: storage.outputs.queueEndpoint
      PlanStorage__tableServiceUri: storage.outputs.tableEndpoint
      PlanStorage__credential: 'managedidentity'
      PlanStorage__clientId: appIdentity.properties.clientId
      // Telemetry, authenticated as the app's identity.
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${appIdentity.properties.clientId};Authorization=AAD'
      // Digest (timer %DigestSchedule% and DigestOptions).
      DigestSchedule: digestSchedule
      Digest__Recipients: digestRecipients
      Digest__Language: digestLanguage
      Digest__MaxAttachmentBytes: string(digestMaxAttachmentBytes)
      Digest__Period: digestPeriod
      // Deprecated (superseded by Portal__BaseUrl, read as its fallback for one release): left empty.
      Digest__DownloadBaseUrl: ''
      // The portal (PortalOptions): never the development sign-in, which would trust any caller's X-MS-CLIENT-PRINCIPAL
      // (the app also refuses to start with it in Azure). Portal__BaseUrl, the address mails link to, is set by the
      // module from portalBaseUrl or the site's defaultHostName.
      Portal__DevelopmentSignIn: 'false'
      // App Service Authentication redeems sign-in codes with the identity's token as a federated credential of the
      // portal's app registration (portal-auth.bicep): no client secret exists.
      OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: appIdentity.properties.clientId
      // Workbook downloads redirect to a 5-minute read-only user-delegation SAS of the stored blob (the storage account
      // is reachable from browsers: publicNetworkAccess Enabled; rbac.bicep's Storage Blob Delegator gets the key,
      // which the app asks for 30 minutes at a time: UserDelegationKeys).
      Portal__WorkbookRedirect: string(portalWorkbookRedirect)
      // Merged-workbook builds at a time per instance; more answer 429 with Retry-After (docs/portal.md).
      Portal__MaxWorkbookBuilds: '2'
      // The authority the app's 401s name in their WWW-Authenticate challenge (BearerChallenge), so Entra-aware clients
      // such as Power BI's Web connector know where to ask for a token; empty without a sign-in configured.
      Portal__SignInAuthority: empty(portalAppId) ? '' : '${environment().authentication.loginEndpoint}${portalTenant}'
      // The portal takes the site root (host.json routePrefix ""): not the host's own home page.
      AzureWebJobsDisableHomepage: 'true'
      // Follow-up (timer %ReminderSchedule% and ReminderOptions).
      ReminderSchedule: reminderSchedule
      Reminders__DaysBefore: remindersDaysBefore
      Reminders__ExemptUnits: remindersExemptUnits
      Reminders__ListLanguage: remindersListLanguage
      // Registered contacts (ContactOptions): one setting per unit of the embedded units.json.
      Contacts__Units__BZ: unitContacts.?BZ ?? ''
      Contacts__Units__CR: unitContacts.?CR ?? ''
      Contacts__Units__SV: unitContacts.?SV ?? ''
      Contacts__Units__GT: unitContacts.?GT ?? ''
      Contacts__Units__HN: unitContacts.?HN ?? ''
      Contacts__Units__NI: unitContacts.?NI ?? ''
      Contacts__Units__PA: unitContacts.?PA ?? ''
      Contacts__Units__DO: unitContacts.?DO ?? ''
      Contacts__Units__ST: unitContacts.?ST ?? ''
      Contacts__SecretariatCopy: contactsStCopy
      // Mail (MailOptions). Always the vault reference, whether or not this run wrote the secret: a provision without
      // the key must not switch mail off. No version in the URI: the app follows the newest version within 24 hours
      // or at a restart (https://learn.microsoft.com/azure/app-service/app-service-key-vault-references#rotation).
      Mail__SendGridApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${keyVault.outputs.sendGridSecretName}/)'
      Mail__FromAddress: mailFromAddress
      Mail__FromName: mailFromName
      Mail__MaxAttempts: string(mailMaxAttempts)
      // Reporting calendar (ReportingOptions).
      Reports__DeadlineDays: string(reportsDeadlineDays)
      Reports__LockGraceDays: string(reportsLockGraceDays)
      // Upload limits (IngestionOptions).
      Ingestion__MaxUploadBytes: string(ingestionMaxUploadBytes)
      Ingestion__MaxZipEntries: string(ingestionMaxZipEntries)
      Ingestion__MaxUncompressedBytes: string(ingestionMaxUncompressedBytes)
      // Plans in force (PlanOptions).
      Plan__Id: planId
      Plan__RefreshMinutes: string(planRefreshMinutes)
    }
  }
  dependsOn: [
    rbac // The host must be able to reach its storage when it first starts.
  ]
}

module portalAuth 'app/portal-auth.bicep' = if (!empty(portalAppId)) {
  name: 'portal-auth'
  params: {
    siteName: functionApp.outputs.name
    clientId: portalAppId
    tenantId: portalTenant
    extraAudiences: portalTokenAudiences
  }
}

module eventGridTopic 'app/eventgrid-topic.bicep' = {
  name: 'eventgrid-topic'
  params: {
    name: systemTopicName
    location: location
    tags: tags
    storageAccountResourceId: storage.outputs.resourceId
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  params: {
    storageAccountName: storage.outputs.name
    hostStorageAccountName: hostStorage.outputs.name
    appWriteContainers: concat(appWriteContainers, [archiveContainerName])
    appReadContainers: appReadContainers
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: appIdentity.properties.principalId
    systemTopicPrincipalId: eventGridTopic.outputs.principalId
    deadLetterContainerName: deadLetterContainerName
    uploaderGroups: uploaderGroups
    uploadersReadAccount: uploadersReadAccount
    exportReaderPrincipalIds: exportReaderPrincipalIds
    userPrincipalId: deployerId
    userPrincipalType: deployerType
  }
}

module diagnostics 'app/diagnostics.bicep' = {
  name: 'diagnostics'
  params: {
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    systemTopicName: eventGridTopic.outputs.name
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: resourceToken
    location: location
    tags: tags
    opsEmail: opsAddresses
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    systemTopicName: eventGridTopic.outputs.name
    ingestionFailureThreshold: ingestionFailureThreshold
  }
}

module budget 'app/budget.bicep' = if (monthlyBudget > 0) {
  name: 'budget'
  params: {
    name: 'budget-${resourceToken}'
    amount: monthlyBudget
    actionGroupId: alerts.outputs.actionGroupId
    opsEmail: opsAddresses
  }
}

module eventGridSubscription 'app/eventgrid-subscription.bicep' = if (enableEventGridSubscription) {
  name: 'eventgrid-subscription'
  params: {
    systemTopicName: eventGridTopic.outputs.name
    functionAppName: functionApp.outputs.name
    storageAccountResourceId: storage.outputs.resourceId
    functionName: 'IngestUpload'
    uploadsContainerName: 'uploads'
    subjectEndsWith: '.xlsx'
    deadLetterContainerName: deadLetterContainerName
  }
  dependsOn: [
    rbac // The topic's identity needs its dead-letter role before the subscription validates it.
  ]
}

// =========== //
//   Outputs   //
// =========== //

@description('Location of the resources.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group of the deployment.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Name of the Functions app.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Base URL of the Functions app.')
output SERVICE_FUNCTIONS_URI string = functionApp.outputs.uri

@description('Address of the portal (sign-in, pages, the links mails carry).')
output PORTAL_URL string = portalAddress

@description('Name of the storage account holding the coalition\'s data.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Name of the Functions host\'s own storage account.')
output AZURE_HOST_STORAGE_ACCOUNT_NAME string = hostStorage.outputs.name

@description('Name of the key vault.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the Event Grid system topic on the storage account.')
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGridTopic.outputs.name

@description('Container receiving events Event Grid could not deliver.')
output AZURE_EVENTGRID_DEADLETTER_CONTAINER string = deadLetterContainerName

@description('The vault holds the SendGrid key (azd stores this and passes it back as sendGridKeyStored).')
output SENDGRID_KEY_STORED bool = sendGridKeyStored || sendGridKeyTagged || writeSendGridKey
