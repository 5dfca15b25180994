import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from "botbuilder";
import { CertificateServiceClientCredentialsFactory } from "botframework-connector";
import type { TeamsConfig } from "../../config.js";

/**
 * botbuilder's adapter with our settings mapped by name: botbuilder reads `MicrosoftAppId`,
 * not `MICROSOFT_APP_ID`, and given the wrong names it silently runs without authentication.
 */
export function createCloudAdapter(config: TeamsConfig): CloudAdapter {
  if (!config.authenticated) {
    return new CloudAdapter(
      new ConfigurationBotFrameworkAuthentication(
        {},
        new ConfigurationServiceClientCredentialFactory({}),
      ),
    );
  }
  const { appId, tenantId } = config;
  const credentials = config.certificate
    ? new CertificateServiceClientCredentialsFactory(
        appId,
        config.certificate.thumbprint,
        config.certificate.privateKey,
        tenantId,
      )
    : new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: appId,
        MicrosoftAppPassword: config.password ?? "",
        MicrosoftAppType: config.appType,
        MicrosoftAppTenantId: tenantId ?? "",
      });
  return new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(
      { MicrosoftAppId: appId, ...(tenantId ? { MicrosoftAppTenantId: tenantId } : {}) },
      credentials,
    ),
  );
}
