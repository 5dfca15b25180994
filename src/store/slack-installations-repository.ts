import type { PrismaClient } from "../generated/prisma/client.js";

/** What the Slack surface stores of an installation; `data` is its own JSON. */
export interface SlackInstallationRecord {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botToken: string;
  botUserId: string;
  botId: string | null;
  data: string;
}

/** Slack installations by workspace, or by org for an Enterprise Grid org-wide install. */
export class SlackInstallationsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async save(installation: SlackInstallationRecord): Promise<void> {
    const key = installationKey(installation);
    await this.prisma.slackInstallation.upsert({
      where: { key },
      create: { key, ...installation },
      update: installation,
    });
  }

  async find(query: {
    teamId: string | null;
    enterpriseId: string | null;
    isEnterpriseInstall: boolean;
  }): Promise<SlackInstallationRecord | null> {
    const row = await this.prisma.slackInstallation.findUnique({
      where: { key: installationKey(query) },
    });
    return row
      ? {
          teamId: row.teamId,
          enterpriseId: row.enterpriseId,
          isEnterpriseInstall: row.isEnterpriseInstall,
          botToken: row.botToken,
          botUserId: row.botUserId,
          botId: row.botId,
          data: row.data,
        }
      : null;
  }

  /** Forgets an installation (app uninstalled, tokens revoked); true when one was there. */
  async delete(query: {
    teamId: string | null;
    enterpriseId: string | null;
    isEnterpriseInstall: boolean;
  }): Promise<boolean> {
    const { count } = await this.prisma.slackInstallation.deleteMany({
      where: { key: installationKey(query) },
    });
    return count > 0;
  }
}

function installationKey(query: {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error("a Slack installation needs a team id or, org-wide, an enterprise id");
}
