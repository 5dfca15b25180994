import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
} from "botbuilder";
import {
  type AuthenticateRequestResult,
  AuthenticationError,
  CertificateServiceClientCredentialsFactory,
} from "botframework-connector";
import type { TeamsConfig } from "../../config.js";

/** jsonwebtoken's verdicts on a token (its error classes' names; TokenExpiredError is one too). */
const TOKEN_REJECTIONS = new Set(["JsonWebTokenError", "NotBeforeError", "TokenExpiredError"]);

/**
 * botbuilder answers 401 to most bad tokens but lets jsonwebtoken's own verdicts through (a
 * forged signature under a published key id, `alg: none`, a token not yet valid), which
 * CloudAdapter then answers with 500: a refused token must be a 401 like the others, not a
 * server error the channel retries.
 */
class TokenAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_REJECTIONS.has(error.name)) {
        throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
      }
      throw error;
    }
  }
}

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
    new TokenAuthentication(
      { MicrosoftAppId: appId, ...(tenantId ? { MicrosoftAppTenantId: tenantId } : {}) },
      credentials,
    ),
  );
}
