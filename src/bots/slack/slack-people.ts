import type { WebClient } from "@slack/web-api";
import { displayNameOf } from "../../domain/display-name.js";
import type { Identity } from "../../domain/records.js";
import type { Mention, MentionReader } from "../../domain/types.js";

/** `<@U123>` or, from older clients and `should_escape`, `<@U123|anna>`. */
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;
const MENTION_TOKEN = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const NAME_TTL_MS = 60 * 60 * 1000;
const MAX_CACHED = 10_000;

/** The name the store already keeps for a Slack user, if any. */
type StoredName = (teamId: string, userId: string) => Promise<string | null>;
/** Stores a name Slack has just given for a user the store knows. */
type StoreName = (teamId: string, userId: string, name: string) => Promise<void>;

/**
 * Display names of Slack users: commands carry only ids, and the minutes must name people as
 * their colleagues know them. The store's name is the one used, so that every instance names a
 * person alike; Slack is asked at most once an hour per person and process, in the background
 * for people the store knows, and only what Slack has just said changes the stored name (a
 * name another instance stored since is never overwritten with one this process remembers).
 */
export class SlackPeople {
  /** When this process last asked Slack about a user, and what it said. */
  private readonly asked = new Map<string, { name: string; until: number }>();
  private readonly refreshing = new Set<string>();

  constructor(
    private readonly storedName: StoredName,
    private readonly storeName: StoreName,
    private readonly now: () => number = Date.now,
  ) {}

  /** Who typed a command: named as stored at once, Slack asked in the background. */
  async identity(client: WebClient, teamId: string, userId: string): Promise<Identity> {
    const { name, fromStore } = await this.nameOf(client, teamId, userId);
    return {
      platform: "slack",
      workspaceId: teamId,
      externalId: userId,
      displayName: name ?? userId,
      ...(fromStore ? { nameFromStore: true } : {}),
    };
  }

  /** A mention reader for one command's text, with the names of everyone it mentions. */
  async mentionReader(client: WebClient, teamId: string, text: string): Promise<MentionReader> {
    const ids = [...new Set([...text.matchAll(MENTION)].map((match) => match[1] ?? ""))];
    // Side by side: a person new to the store costs a Web API round trip before the answer.
    const names = await Promise.all(
      ids.map(async (id) => (await this.nameOf(client, teamId, id)).name),
    );
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
    return (await this.nameOf(client, teamId, userId)).name ?? userId;
  }

  /** The stored name (Slack asked in the background), or Slack's for someone not stored yet. */
  private async nameOf(
    client: WebClient,
    teamId: string,
    userId: string,
  ): Promise<{ name: string | undefined; fromStore: boolean }> {
    const stored = await this.storedName(teamId, userId);
    // Stored under their id (Slack did not answer then): not a name yet, so Slack is asked now.
    if (stored === null || stored === userId) {
      return { name: await this.askedName(client, teamId, userId), fromStore: false };
    }
    this.refreshInBackground(client, teamId, userId, stored);
    return { name: stored, fromStore: true };
  }

  private refreshInBackground(
    client: WebClient,
    teamId: string,
    userId: string,
    stored: string,
  ): void {
    const key = `${teamId}:${userId}`;
    const asked = this.asked.get(key);
    if ((asked && asked.until > this.now()) || this.refreshing.has(key)) return;
    this.refreshing.add(key);
    void this.lookUp(client, userId)
      .then(async (name) => {
        this.remember(key, name);
        if (name !== undefined && name !== stored) await this.storeName(teamId, userId, name);
      })
      // A failed refresh leaves the stored name as it was; the next command tries again.
      .catch(() => undefined)
      .finally(() => this.refreshing.delete(key));
  }

  /** Slack's name, asked at most once an hour; a failure is not kept. */
  private async askedName(
    client: WebClient,
    teamId: string,
    userId: string,
  ): Promise<string | undefined> {
    const key = `${teamId}:${userId}`;
    const asked = this.asked.get(key);
    if (asked && asked.until > this.now()) return asked.name;
    const name = await this.lookUp(client, userId);
    this.remember(key, name);
    return name ?? asked?.name;
  }

  private remember(key: string, name: string | undefined): void {
    if (name === undefined) return;
    if (this.asked.size >= MAX_CACHED) this.asked.clear();
    this.asked.set(key, { name, until: this.now() + NAME_TTL_MS });
  }

  private async lookUp(client: WebClient, userId: string): Promise<string | undefined> {
    try {
      const { user } = await client.users.info({ user: userId });
      // The profile's owner wrote it: it passes the rule for typed text before it is used.
      const name = [user?.profile?.display_name, user?.real_name, user?.name]
        .map((candidate) => displayNameOf(candidate ?? ""))
        .find((candidate) => candidate !== "");
      return name ?? userId;
    } catch {
      return undefined;
    }
  }
}
