import type { App } from "@slack/bolt";
import type { SlackSurfaceContext } from "./slack-surface-context.js";

/** An uninstall or revoked bot token: the workspace's installation is forgotten at once. */
export function listenToUninstall(app: App, surface: SlackSurfaceContext): void {
  const forget = async (teamId: string, enterpriseId: string | undefined) => {
    const gone = await surface.deps.store.slackInstallations.delete({
      teamId,
      enterpriseId: enterpriseId ?? null,
      isEnterpriseInstall: false,
    });
    surface.logger.info({ teamId, gone }, "Slack installation removed");
  };
  app.event("app_uninstalled", async ({ body }) => {
    await forget(body.team_id, body.enterprise_id);
  });
  app.event("tokens_revoked", async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body.team_id, body.enterprise_id);
  });
}
