import type { App } from "@slack/bolt";
import type { SlackSurfaceContext } from "./slack-surface-context.js";

/**
 * An uninstall or revoked bot token: the installation is forgotten at once, by the key Bolt
 * found it under: the workspace's, or the org's for an org-wide install an older version kept
 * (new ones are refused, org-wide-install.ts).
 */
export function listenToUninstall(app: App, surface: SlackSurfaceContext): void {
  const forget = async (
    teamId: string,
    enterpriseId: string | undefined,
    isEnterpriseInstall: boolean | undefined,
  ) => {
    const gone = await surface.deps.store.slackInstallations.delete({
      teamId,
      enterpriseId: enterpriseId ?? null,
      isEnterpriseInstall: isEnterpriseInstall === true,
    });
    surface.logger.info({ teamId, gone }, "Slack installation removed");
  };
  app.event("app_uninstalled", async ({ body, context }) => {
    await forget(body.team_id, body.enterprise_id, context.isEnterpriseInstall);
  });
  app.event("tokens_revoked", async ({ event, body, context }) => {
    if ((event.tokens.bot ?? []).length > 0) {
      await forget(body.team_id, body.enterprise_id, context.isEnterpriseInstall);
    }
  });
}
