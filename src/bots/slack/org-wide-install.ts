import type { CallbackOptions } from "@slack/oauth";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { Locale } from "../../domain/types.js";
import type { Logger } from "../../logger.js";
import { htmlText, renderHtmlPage } from "../../render/html-page.js";

/**
 * Org-wide (Enterprise Grid) installs are refused at the OAuth callback. Noterat keeps people,
 * channels and tokens by workspace, and reminders and posts find a workspace's token by its team
 * id; an org-wide install has one token for many workspaces, found by none of them. Rather than
 * half work, the install is undone (its token revoked, so the org is not left with an app that
 * never answers) and the installer is told to install workspace by workspace. slack/manifest.yml
 * keeps `org_deploy_enabled: false`, so Slack does not offer it; this is for an app set up
 * otherwise. Installs in one workspace of a Grid org are kept as any other.
 */
export function refuseOrgWideInstalls(options: {
  locale: Locale;
  clientOptions: WebClientOptions;
  logger: Logger;
}): Pick<CallbackOptions, "afterInstallation"> {
  return {
    afterInstallation: async (installation, _options, _request, response) => {
      if (installation.isEnterpriseInstall !== true) return true;
      options.logger.warn(
        { enterpriseId: installation.enterprise?.id },
        "Slack org-wide install refused: Noterat is installed workspace by workspace",
      );
      const token = installation.bot?.token;
      try {
        if (token !== undefined) await new WebClient(token, options.clientOptions).auth.revoke();
      } catch (error) {
        // The page still says no; the org's admin can remove the app by hand.
        options.logger.warn({ err: error }, "the refused org-wide install's token was not revoked");
      }
      const t = createTranslator(options.locale);
      const title = t.t("slack.org-install-refused.title");
      response.writeHead(403, { "content-type": "text/html; charset=utf-8" });
      response.end(
        renderHtmlPage({
          locale: options.locale,
          title,
          style: "",
          main: [
            `<h1>${htmlText(title)}</h1>`,
            `<p>${htmlText(t.t("slack.org-install-refused.text"))}</p>`,
          ],
        }),
      );
      return false;
    },
  };
}
