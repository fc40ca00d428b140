// A monthly cost budget on the resource group: the operators (the action group and opsEmail) are told at 80 % of the
// amount spent and when the forecast passes it.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the budget.')
param name string

@description('Required. Monthly amount, in the billing currency (main.bicep deploys this module only for an amount above 0).')
param amount int

@description('Required. Resource id of the operators\' action group.')
param actionGroupId string

@description('Optional. Address told besides the action group.')
param opsEmail string = ''

@description('Optional. First day of the budget: the first of a month (the deployment\'s by default).')
param startDate string = utcNow('yyyy-MM-01')

// ============= //
//   Variables   //
// ============= //

var contactEmails = empty(opsEmail) ? [] : [opsEmail]

// ============= //
//   Resources   //
// ============= //

resource budget 'Microsoft.Consumption/budgets@2023-11-01' = {
  name: name
  properties: {
    category: 'Cost'
    amount: amount
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: startDate
    }
    notifications: {
      actualAbove80Percent: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: contactEmails
        contactGroups: [actionGroupId]
      }
      forecastAbove100Percent: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 100
        thresholdType: 'Forecasted'
        contactEmails: contactEmails
        contactGroups: [actionGroupId]
      }
    }
  }
}
