// Sign-in to the portal: App Service Authentication (authsettingsV2) with Microsoft Entra ID, the authorization code
// flow redeemed with the app's managed identity as a federated credential (no secret, no implicit grant). The platform signs
// people in and passes the app X-MS-CLIENT-PRINCIPAL (stripping any a client sends); the app's roles (Unit.<CODE>,
// Coalition.Reader, Coalition.Admin) arrive as the ID token's roles claims. Unauthenticated requests are let through
// (AllowAnonymous) and the code decides: the function-key API (/api/...), the Event Grid webhook
// (/runtime/webhooks/blobs, system key) and the host's admin endpoints must reach the host without an Entra session,
// and every portal route already refuses anonymous callers (sign-in redirect for pages, 401 for JSON), so a second
// list of excluded paths here would only be one more thing to keep in step with the routes.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the Functions app whose sign-in this configures.')
param siteName string

@description('Required. Application (client) id of the portal\'s Entra ID app registration (docs/deploy.md, "Portal sign-in").')
param clientId string

@description('Required. Tenant id of the app registration.')
param tenantId string

@description('Optional. More audiences a bearer token may carry: the portal\'s own address (https://<custom domain>, with and without the final slash), which is the resource Power BI\'s Web connector asks Entra ID for (docs/data.md, "Power BI").')
param extraAudiences array = []

// ============= //
//   Variables   //
// ============= //

// The app setting App Service Authentication reads in place of a client secret: this reserved name makes it present the
// managed identity (whose client id the setting holds, main.bicep) as the registration's federated credential.
var managedIdentityCredentialSetting = 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'

// ============= //
//   Resources   //
// ============= //

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
          clientId: clientId
          // No client secret and no implicit grant: the platform signs people in with the authorization code flow and
          // redeems the code with the app's user-assigned identity, a federated credential of the registration. This
          // setting name tells App Service Authentication to do so, with the identity whose client id the app setting
          // of that name holds (main.bicep). docs/deploy.md, "Portal sign-in", adds the credential.
          // https://learn.microsoft.com/azure/app-service/configure-authentication-provider-aad#use-a-managed-identity-instead-of-a-secret-preview
          clientSecretSettingName: managedIdentityCredentialSetting
        }
        validation: {
          allowedAudiences: concat([
            clientId
            'api://${clientId}'
          ], extraAudiences)
        }
      }
    }
    login: {
      // Flex Consumption has no local file system for a token store, and the app reads no provider tokens.
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: true
      allowedExternalRedirectUrls: []
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
  }
}

// =========== //
//   Outputs   //
// =========== //

@description('Where people sign in.')
output signInPath string = '/.auth/login/aad'
