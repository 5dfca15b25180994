import type { WebClient } from "@slack/web-api";
import type { Identity } from "../../domain/records.js";
import type { Mention, MentionReader } from "../../domain/types.js";

/** `<@U123>` or, from older clients and `should_escape`, `<@U123|anna>`. */
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;
const MENTION_TOKEN = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const NAME_TTL_MS = 60 * 60 * 1000;
const MAX_CACHED = 10_000;

/** The name the store already keeps for a Slack user, if any. */
type StoredName = (teamId: string, userId: string) => Promise<string | null>;

/**
 * Display names of Slack users, asked of `users.info` once an hour at most per person: commands
 * carry only ids, and the minutes must name people as their colleagues know them.
 */
export class SlackPeople {
  private readonly names = new Map<string, { name: string; until: number }>();
  private readonly refreshing = new Set<string>();

  constructor(
    /** Where names of people the store knows come from. */
    private readonly storedName: StoredName,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Who typed a command. A person the store knows is named as stored at once, and Slack is
   * asked in the background (a changed name is stored with the next command): a Web API round
   * trip is no longer part of the answer after a restart or when a name's hour is up.
   */
  async identity(client: WebClient, teamId: string, userId: string): Promise<Identity> {
    return {
      platform: "slack",
      workspaceId: teamId,
      externalId: userId,
      displayName: await this.actorName(client, teamId, userId),
    };
  }

  private async actorName(client: WebClient, teamId: string, userId: string): Promise<string> {
    const cached = this.names.get(`${teamId}:${userId}`);
    if (cached && cached.until > this.now()) return cached.name;
    const stored = await this.storedName(teamId, userId);
    if (stored === null) return this.displayName(client, teamId, userId);
    this.refreshInBackground(client, teamId, userId);
    return stored;
  }

  private refreshInBackground(client: WebClient, teamId: string, userId: string): void {
    const key = `${teamId}:${userId}`;
    if (this.refreshing.has(key)) return;
    this.refreshing.add(key);
    // knownName does not throw: a failed lookup leaves the name as it was.
    void this.knownName(client, teamId, userId).finally(() => this.refreshing.delete(key));
  }

  /** A mention reader for one command's text, with the names of everyone it mentions. */
  async mentionReader(client: WebClient, teamId: string, text: string): Promise<MentionReader> {
    const ids = [...new Set([...text.matchAll(MENTION)].map((match) => match[1] ?? ""))];
    // Asked side by side: each lookup is a Web API round trip before the command can answer.
    const names = await Promise.all(ids.map((id) => this.knownName(client, teamId, id)));
    const mentions = new Map<string, Mention>(
      ids.map((id, index) => {
        const name = names[index];
        // Without a name (Slack did not answer), the name already stored is kept.
        return [
          id,
          name === undefined ? { externalId: id } : { externalId: id, displayName: name },
        ];
      }),
    );
    return (token) => {
      const id = MENTION_TOKEN.exec(token)?.[1];
      return id === undefined ? undefined : mentions.get(id);
    };
  }

  async displayName(client: WebClient, teamId: string, userId: string): Promise<string> {
    // A name is a courtesy: without one the person is shown by id rather than refused.
    return (await this.knownName(client, teamId, userId)) ?? userId;
  }

  /** The name from Slack (or, when Slack fails, the last one it gave); a failure is not kept. */
  private async knownName(
    client: WebClient,
    teamId: string,
    userId: string,
  ): Promise<string | undefined> {
    const key = `${teamId}:${userId}`;
    const cached = this.names.get(key);
    if (cached && cached.until > this.now()) return cached.name;
    const name = await this.lookUp(client, userId);
    if (name === undefined) return cached?.name;
    if (this.names.size >= MAX_CACHED) this.names.clear();
    this.names.set(key, { name, until: this.now() + NAME_TTL_MS });
    return name;
  }

  private async lookUp(client: WebClient, userId: string): Promise<string | undefined> {
    try {
      const { user } = await client.users.info({ user: userId });
      const name = user?.profile?.display_name || user?.real_name || user?.name;
      return name && name.trim() !== "" ? name : userId;
    } catch {
      return undefined;
    }
  }
}
