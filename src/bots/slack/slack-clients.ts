import { type RetryOptions, WebClient, type WebClientOptions } from "@slack/web-api";
import type { Store } from "../../store/store.js";

/**
 * Web API clients by workspace: the one bot token of a single-workspace app, or each
 * installation's token with OAuth. A client retries 429 after Retry-After and 5xx/network
 * failures a few times with back-off, so a user waits seconds at most, never minutes.
 */
export class SlackClients {
  private readonly clients = new Map<string, WebClient>();

  constructor(
    private readonly store: Store,
    private readonly options: WebClientOptions,
    /** Single-workspace and Socket Mode: the bot token and the team it belongs to. */
    private readonly fixed?: { teamId: string; botToken: string },
  ) {}

  /** The workspace's client, or undefined when Noterat is not installed there. */
  async forWorkspace(teamId: string): Promise<WebClient | undefined> {
    const token = await this.tokenFor(teamId);
    return token === undefined ? undefined : this.forToken(token);
  }

  forToken(token: string): WebClient {
    let client = this.clients.get(token);
    if (!client) {
      client = new WebClient(token, this.options);
      this.clients.set(token, client);
    }
    return client;
  }

  /** By team key only: org-wide installs are refused (org-wide-install.ts). */
  private async tokenFor(teamId: string): Promise<string | undefined> {
    if (this.fixed) return this.fixed.teamId === teamId ? this.fixed.botToken : undefined;
    const installation = await this.store.slackInstallations.find({
      teamId,
      enterpriseId: null,
      isEnterpriseInstall: false,
    });
    return installation?.botToken;
  }
}

/** Production policy: three retries within about ten seconds. */
export const SLACK_RETRIES: RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 4_000,
};

/** Per Web API call, before a retry: Slack answers in well under a second when it is well. */
export const SLACK_CALL_TIMEOUT_MS = 5_000;
