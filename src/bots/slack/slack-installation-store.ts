import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { Store } from "../../store/store.js";

/** Bolt's OAuth installations, kept in our database (many workspaces, architecture.md §7). */
export function slackInstallationStore(store: Store): InstallationStore {
  return {
    async storeInstallation(installation) {
      const bot = installation.bot;
      if (!bot) throw new Error("Noterat is installed as a bot: the installation has no bot token");
      await store.slackInstallations.save({
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        botToken: bot.token,
        botUserId: bot.userId,
        botId: bot.id,
        data: JSON.stringify(installation),
      });
    },
    async fetchInstallation(query) {
      const found = await store.slackInstallations.find(key(query));
      if (!found) throw new Error(`no installation for ${query.teamId ?? query.enterpriseId}`);
      return JSON.parse(found.data) as Installation<"v2", boolean>;
    },
    async deleteInstallation(query) {
      await store.slackInstallations.delete(key(query));
    },
  };
}

function key(query: InstallationQuery<boolean>) {
  return {
    teamId: query.teamId ?? null,
    enterpriseId: query.enterpriseId ?? null,
    isEnterpriseInstall: query.isEnterpriseInstall,
  };
}
