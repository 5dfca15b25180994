import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { showOverview } from "../../handlers/show-overview.js";
import { renderOverviewView } from "../../render/block-kit/overview-view.js";
import type { SlackSurfaceContext } from "./slack-surface-context.js";

/** The person's own page in Slack: their open actions and their councils' next meetings. */
export async function publishHome(
  surface: SlackSurfaceContext,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<void> {
  const identity = await surface.people.identity(client, teamId, userId);
  const overview = await showOverview(surface.deps, identity);
  await client.views.publish({ user_id: userId, view: renderOverviewView(overview) });
}

export function listenToHomeTab(app: App, surface: SlackSurfaceContext): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = body.team_id;
    try {
      await publishHome(surface, client, teamId, event.user);
    } catch (error) {
      surface.logger.error({ err: error, teamId }, "publishing App Home failed");
    }
  });
}
