// What tells the ST that something broke before a country calls: an action group that e-mails the operators, metric
// alerts on the Event Grid topic that drives the blob trigger, and log alerts over the app's own telemetry in
// Application Insights (the ServerlessPlan meter: Core/Operations/PlanTelemetry.cs names every metric read here, and
// Functions.Tests/Unit/Infra/AlertTests.cs checks each query names only what the code emits). Each alert has its
// runbook entry in docs/operations.md, under the alert's name.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Prefix of every alert\'s name (the resource token).')
param namePrefix string

@description('Optional. Location of the log alerts (the Application Insights component\'s).')
param location string = resourceGroup().location

@description('Optional. Tags applied to every resource.')
param tags object = {}

@description('Optional. Address the alerts e-mail (a shared mailbox or a list). Empty: the action group has no receiver (alerts still show in the Azure portal).')
param opsEmail string = ''

@description('Required. Name of the Application Insights component the app writes its telemetry to.')
param applicationInsightsName string

@description('Required. Name of the Log Analytics workspace the diagnostic settings write to.')
param logAnalyticsName string

@description('Required. Name of the Event Grid system topic that drives the blob trigger.')
param systemTopicName string

@description('Optional. Ingestions that threw (serverlessplan.ingestion.failures) within 15 minutes above which the alert fires.')
@minValue(0)
param ingestionFailureThreshold int = 3

// ============= //
//   Variables   //
// ============= //

// The app's instruments (PlanTelemetry) and the attention codes its operations check counts (AttentionCodes).
var metrics = {
  ingestionFailures: 'serverlessplan.ingestion.failures'
  mailFailures: 'serverlessplan.mail.failures'
  reminderRuns: 'serverlessplan.reminders.runs'
  operationsChecks: 'serverlessplan.operations.checks'
  operationsAttention: 'serverlessplan.operations.attention'
}

// One entry per log alert: its name (the runbook's heading), what it says, its query, how the query's number is
// judged, and how often over what window. A query ends in one row with one number column, `value` (0, not empty,
// when nothing was recorded: the absence alerts compare it with 1).
var logAlerts = [
  {
    name: 'ingestion-failures'
    description: 'Uploads whose ingestion threw (storage faults, a bug): the host retries each five times, then writes it to the poison queue.'
    severity: 1
    query: 'customMetrics | where name == "${metrics.ingestionFailures}" | summarize value = sum(valueSum) | project value = coalesce(value, 0.0)'
    operator: 'GreaterThan'
    threshold: ingestionFailureThreshold
    frequency: 'PT5M'
    window: 'PT15M'
  }
  {
    name: 'poison-or-dead-letter'
    description: 'An upload the platform gave back: a message in the blob trigger\'s poison queue, or an Event Grid dead-letter not yet replayed (POISON_MESSAGE / DEAD_LETTER in the operations check).'
    severity: 1
    query: 'customMetrics | where name == "${metrics.operationsAttention}" | where tostring(customDimensions.code) in ("POISON_MESSAGE", "DEAD_LETTER") | summarize value = sum(valueSum) | project value = coalesce(value, 0.0)'
    operator: 'GreaterThan'
    threshold: 0
    frequency: 'PT30M'
    window: 'PT1H'
  }
  {
    name: 'uploads-without-verdict'
    description: 'An upload with no verdict 15 minutes after it arrived, or a result mail owed past its claim (UPLOAD_WITHOUT_VERDICT / MAIL_OWED in the operations check).'
    severity: 2
    query: 'customMetrics | where name == "${metrics.operationsAttention}" | where tostring(customDimensions.code) in ("UPLOAD_WITHOUT_VERDICT", "MAIL_OWED") | summarize value = sum(valueSum) | project value = coalesce(value, 0.0)'
    operator: 'GreaterThan'
    threshold: 0
    frequency: 'PT30M'
    window: 'PT1H'
  }
  {
    name: 'digest-missed'
    description: 'No digest recorded within two hours of its slot, or the slot\'s digest failed (DIGEST_MISSED / DIGEST_FAILED in the operations check).'
    severity: 1
    query: 'customMetrics | where name == "${metrics.operationsAttention}" | where tostring(customDimensions.code) in ("DIGEST_MISSED", "DIGEST_FAILED") | summarize value = sum(valueSum) | project value = coalesce(value, 0.0)'
    operator: 'GreaterThan'
    threshold: 0
    frequency: 'PT30M'
    window: 'PT1H'
  }
  {
    name: 'reminders-not-run'
    description: 'The reminder timer has not run for a day (no serverlessplan.reminders.runs).'
    severity: 2
    query: 'customMetrics | where name == "${metrics.reminderRuns}" | summarize value = sum(valueSum) | project value = coalesce(value, 0.0)'
    operator: 'LessThan'
    threshold: 1
    frequency: 'PT1H'
    window: 'P1D'
  }
  {
    name: 'mail-failures'
    description: 'SendGrid did not take a mail (refused, or unavailable through every retry), whatever its kind.'
    severity: 2
    query: 'customMetrics | where name == "${metrics.mailFailures}" | summarize value = sum(valueSum) | project value = coalesce(value, 0.0)'
    operator: 'GreaterThan'
    threshold: 0
    frequency: 'PT15M'
    window: 'PT1H'
  }
  {
    name: 'operations-check-silent'
    description: 'The app has not read its operations status for two hours (no serverlessplan.operations.checks): it is not running, so nothing else here can fire.'
    severity: 1
    query: 'customMetrics | where name == "${metrics.operationsChecks}" | summarize value = sum(valueSum) | project value = coalesce(value, 0.0)'
    operator: 'LessThan'
    threshold: 1
    frequency: 'PT30M'
    window: 'PT2H'
  }
]

// Metric alerts on the system topic: deliveries to the function's webhook that failed, and events given up on.
var topicAlerts = [
  {
    name: 'eventgrid-delivery-failures'
    description: 'Event Grid could not deliver BlobCreated events to the blob trigger (the app down, its key changed, a stale webhook).'
    metric: 'DeliveryAttemptFailCount'
    severity: 2
  }
  {
    name: 'eventgrid-dead-letters'
    description: 'Event Grid gave up on an upload\'s event and wrote it to the dead-letter container: the upload was never ingested.'
    metric: 'DeadLetteredCount'
    severity: 1
  }
]

// ============= //
//   Resources   //
// ============= //

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'plan-ops'
    enabled: true
    emailReceivers: empty(opsEmail) ? [] : [
      {
        name: 'ops'
        emailAddress: opsEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for alert in logAlerts: {
  name: '${namePrefix}-${alert.name}'
  location: location
  tags: tags
  properties: {
    displayName: alert.name
    description: '${alert.description} Runbook: docs/operations.md, "${alert.name}".'
    severity: alert.severity
    enabled: true
    scopes: [applicationInsights.id]
    evaluationFrequency: alert.frequency
    windowSize: alert.window
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Total'
          metricMeasureColumn: 'value'
          operator: alert.operator
          threshold: alert.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}]

// Key Vault writes SecretNearExpiry (30 days before a secret's expiry date) and SecretExpired to its audit log, which
// diagnostics.bicep sends to the workspace. The SendGrid key expires only when given an expiry date.
resource keyVaultExpiry 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-keyvault-secret-expiry'
  location: location
  tags: tags
  properties: {
    displayName: 'keyvault-secret-expiry'
    description: 'A Key Vault secret (the SendGrid key) expires within 30 days, or has expired. Runbook: docs/operations.md, "keyvault-secret-expiry".'
    severity: 2
    enabled: true
    scopes: [logAnalytics.id]
    evaluationFrequency: 'PT6H'
    windowSize: 'P1D'
    criteria: {
      allOf: [
        {
          query: 'AzureDiagnostics | where ResourceProvider == "MICROSOFT.KEYVAULT" | where OperationName in ("SecretNearExpiryEventGridNotification", "SecretExpiredEventGridNotification") | summarize value = count()'
          timeAggregation: 'Total'
          metricMeasureColumn: 'value'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}

resource topicAlertRules 'Microsoft.Insights/metricAlerts@2018-03-01' = [for alert in topicAlerts: {
  name: '${namePrefix}-${alert.name}'
  location: 'global'
  tags: tags
  properties: {
    description: '${alert.description} Runbook: docs/operations.md, "${alert.name}".'
    severity: alert.severity
    enabled: true
    scopes: [systemTopic.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: alert.metric
          metricNamespace: 'Microsoft.EventGrid/systemTopics'
          metricName: alert.metric
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: 0
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}]

// =========== //
//   Outputs   //
// =========== //

@description('Resource id of the operators\' action group.')
output actionGroupId string = actionGroup.id
