/**
 * The real Teams surface end to end, with no accounts: a temporary SQLite database, the fake
 * Bot Connector on 127.0.0.1, `createTeamsSurface` wired as `src/main.ts` `serve()` wires it
 * (its publisher in the fan-out map, its listener under "/api/messages" on the shared HTTP
 * server), and a clock the test moves. Activities are POSTed over HTTP as Teams sends them.
 * With `slack: true` the Slack surface runs on the same server, database and clock, against
 * the fake Slack Web API, for a council bound on both platforms.
 *
 *   const h = await TeamsAppHarness.start();
 *   const created = await h.say(PEOPLE.eva, "råd Reglab");
 *   const draft = await h.say(PEOPLE.olle, "protokoll");
 *   await h.click(PEOPLE.olle, h.button(draft.cards, "Justera"));
 *   await h.stop();
 */
import { type HttpRoute, type RunningServer, startHttpServer } from "../../src/bots/http-server.js";
import { createSlackSurface, type SlackSurface } from "../../src/bots/slack/slack-surface.js";
import { createTeamsSurface, type TeamsSurface } from "../../src/bots/teams/teams-surface.js";
import type { TeamsConfig } from "../../src/config.js";
import type { Locale } from "../../src/domain/types.js";
import type { HandlerDeps } from "../../src/handlers/context.js";
import { createCommandRegistry } from "../../src/handlers/registry.js";
import { wireApp } from "./app-wiring.js";
import type { FixedClock } from "./console-harness.js";
import {
  adaptiveCardsOf,
  DEFAULT_TENANT_ID,
  deliveredActivity,
  FakeBotConnector,
  type FakeMember,
  isRecord,
  type RecordedActivity,
} from "./fake-bot-connector.js";
import { FakeSlackApi, type FakeUser } from "./fake-slack-api.js";
import { postToSlackEndpoint, slashCommand } from "./slack-requests.js";
import {
  type PostedActivityResult,
  postActivity,
  type TeamsConversationOptions,
  type TeamsUser,
  teamsCardAction,
  teamsMessage,
} from "./teams-activities.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "./temp-database.js";

export const TENANT_ID = DEFAULT_TENANT_ID;
export const TEAM_ID = "19:team-regionen-0001@thread.tacv2";

/** The council's channel (a standard channel of the team), and a second one. */
export const CHANNEL: TeamsConversationOptions = {
  id: "19:radet-kanal-0001@thread.tacv2",
  conversationType: "channel",
  teamId: TEAM_ID,
};
export const OTHER_CHANNEL: TeamsConversationOptions = {
  id: "19:reglab-kanal-0002@thread.tacv2",
  conversationType: "channel",
  teamId: TEAM_ID,
};

/** Members of the tenant: the 29: chat id, the display name and the Azure AD object id. */
export const PEOPLE = {
  eva: member("eva", "Eva Ek", "0a1b2c3d-0000-4000-8000-00000000e0a1"),
  olle: member("olle", "Olle Olsson", "0a1b2c3d-0000-4000-8000-0000000011e0"),
  anna: member("anna", "Anna Berg", "0a1b2c3d-0000-4000-8000-00000000a22a"),
  per: member("per", "Per Persson", "0a1b2c3d-0000-4000-8000-00000000be20"),
  lisa: member("lisa", "Lisa Lund", "0a1b2c3d-0000-4000-8000-0000000015a0"),
} as const;

function member(key: string, name: string, aadObjectId: string): TeamsUser {
  return { id: `29:1${key}-chat-id-${aadObjectId.slice(-4)}`, name, aadObjectId };
}

/** Slack workspace members, for the council bound on both platforms. */
export const SLACK_CHANNEL = "C0RADET001";
export const SLACK_PEOPLE = {
  eva: { id: "U0EVA00001", user: slackUser("Eva Ek", "Eva") },
} as const;

function slackUser(realName: string, displayName: string): FakeUser {
  return { real_name: realName, display_name: displayName, tz: "Europe/Stockholm" };
}
const SLACK_SIGNING_SECRET = "e2e-teams-harness-signeringsnyckel";

/** Tuesday 14 April 2026, 11:00 in Stockholm. */
export const DEFAULT_NOW = "2026-04-14T09:00:00Z";

/** A made-up app id: authentication on, nothing ever signed for it. */
export const AUTHENTICATED_CONFIG: TeamsConfig = {
  authenticated: true,
  appId: "5b3c9d7e-1f2a-4b6c-9d8e-7f6a5b4c3d2e",
  appType: "MultiTenant",
  tenantId: undefined,
  password: "x",
  tenants: undefined,
  certificate: undefined,
};

export interface TeamsHarnessOptions {
  now?: string;
  /** New councils' language (NOTERAT_LOCALE). */
  locale?: Locale;
  config?: TeamsConfig;
  /** Also run the Slack surface (same server, database and clock) against a fake Web API. */
  slack?: boolean;
}

/** An Adaptive Card the connector received, with where it was posted. */
export interface PostedCard {
  card: Record<string, unknown>;
  /** The conversation it went to (the channel, a thread, a 1:1 chat). */
  conversationId: string;
  /** The id of the message holding it (the connector's answer, or the updated activity's). */
  activityId: string;
  record: RecordedActivity;
}

/** An Action.Execute found in a card, with what a click on it sends back. */
export interface CardButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
  councilId: string;
  command: string;
  /** Where the card holding it was posted: the click comes from there. */
  conversationId: string;
  activityId: string;
}

export interface TurnResult {
  /** The id of the activity POSTed (what in-turn replies answer with `replyToId`). */
  inboundId: string;
  status: number;
  /** The HTTP answer to the inbound POST (the invoke response for a card action). */
  body: unknown;
  /** What reached the connector during the turn (failed attempts included). */
  records: RecordedActivity[];
  /** The cards delivered during the turn, in order. */
  cards: PostedCard[];
  /** The cards' text as Teams shows it (Markdown escapes removed), one line per TextBlock. */
  text: string;
}

export interface ClickResult extends TurnResult {
  /** The card the invoke response carries: it replaces the clicked card. */
  card: Record<string, unknown> | undefined;
  /** That card's text as Teams shows it. */
  cardText: string;
  /**
   * What the clicking user is shown: the card's text, or the text of a message answer
   * (`application/vnd.microsoft.activity.message`, which leaves the card as it was).
   */
  answer: string;
}

export interface SayOptions {
  /** Default the council's CHANNEL; "personal" for the person's 1:1 chat with the bot. */
  where?: TeamsConversationOptions | "personal";
  /** People @mentioned: the text names each as `<at>Name</at>` (appended when it does not). */
  mentions?: ReadonlyArray<TeamsUser>;
  /** The activity id (default a fresh one): a redelivery sends the same id again. */
  id?: string;
}

export class TeamsAppHarness {
  private readonly conversations = new Map<string, TeamsConversationOptions>();

  private constructor(
    readonly fake: FakeBotConnector,
    readonly db: TempDatabase,
    readonly clock: FixedClock,
    readonly teams: TeamsSurface,
    readonly server: RunningServer,
    readonly slack: { fake: FakeSlackApi; surface: SlackSurface } | undefined,
    /** The handlers' dependencies, as serve() gives them (a reminder tick takes them too). */
    readonly deps: HandlerDeps,
  ) {
    for (const conversation of [CHANNEL, OTHER_CHANNEL]) this.remember(conversation);
  }

  static async start(options: TeamsHarnessOptions = {}): Promise<TeamsAppHarness> {
    const db = await openTempDatabase();
    const members: FakeMember[] = Object.values(PEOPLE).map((person) => ({ ...person }));
    const fake = new FakeBotConnector({ members, tenantId: TENANT_ID });
    await fake.start();
    const { clock, logger, publishers, deps } = wireApp(db.store, {
      now: options.now ?? DEFAULT_NOW,
      locale: options.locale,
    });
    // One registry for every surface, as serve() does.
    const registry = createCommandRegistry();
    const routes: HttpRoute[] = [];
    let slack: { fake: FakeSlackApi; surface: SlackSurface } | undefined;
    if (options.slack === true) {
      const slackFake = new FakeSlackApi({
        users: Object.fromEntries(
          Object.values(SLACK_PEOPLE).map((person) => [person.id, person.user]),
        ),
      });
      await slackFake.start();
      const surface = await createSlackSurface({
        config: {
          mode: "single",
          signingSecret: SLACK_SIGNING_SECRET,
          botToken: slackFake.team.botToken,
          apiUrl: slackFake.url,
        },
        deps,
        registry,
        logger,
        retryConfig: { retries: 0 },
      });
      publishers.slack = surface.publisher;
      if (!surface.listener) throw new Error("the Slack surface has no HTTP listener");
      await surface.start();
      routes.push({ prefix: "/slack/", listener: surface.listener });
      slack = { fake: slackFake, surface };
    }
    const teams = createTeamsSurface({
      config: options.config ?? { authenticated: false, tenants: undefined },
      deps,
      registry,
      logger,
    });
    publishers.teams = teams.publisher;
    routes.push({ prefix: "/api/messages", listener: teams.listener });
    const server = await startHttpServer({ host: "127.0.0.1", port: 0, routes, logger });
    return new TeamsAppHarness(fake, db, clock, teams, server, slack, deps);
  }

  get url(): string {
    return this.server.url;
  }

  get prisma(): TempDatabase["database"]["prisma"] {
    return this.db.database.prisma;
  }

  async stop(): Promise<void> {
    await this.server.close();
    if (this.slack) {
      await this.slack.surface.stop();
      await this.slack.fake.stop();
    }
    await this.fake.stop();
    await this.db.cleanup();
  }

  // ---- Teams -------------------------------------------------------------------------------

  /** The person's 1:1 chat with the bot, as they type in it. */
  personalChat(person: TeamsUser): TeamsConversationOptions {
    return { id: `a:1-personal-${person.aadObjectId}`, conversationType: "personal" };
  }

  /** The message as Teams delivers it: in a channel it starts with `<at>Noterat</at>`. */
  message(person: TeamsUser, text: string, options: SayOptions = {}): Record<string, unknown> {
    const conversation = this.conversationFor(person, options.where);
    return teamsMessage({
      serviceUrl: this.fake.serviceUrl,
      tenantId: TENANT_ID,
      conversation,
      from: person,
      text,
      botMention: conversation.conversationType !== "personal",
      ...(options.mentions === undefined ? {} : { mentions: options.mentions }),
      ...(options.id === undefined ? {} : { id: options.id }),
    });
  }

  /** `person` writes `text` to the bot (in CHANNEL by default); what the turn sent back. */
  say(person: TeamsUser, text: string, options: SayOptions = {}): Promise<TurnResult> {
    return this.post(this.message(person, text, options));
  }

  /** POSTs any activity to /api/messages; what reached the connector while it was handled. */
  async post(activity: unknown, authorization?: string): Promise<TurnResult> {
    const before = this.fake.activities.length;
    const http = await postActivity(
      this.url,
      activity,
      authorization === undefined ? {} : { authorization },
    );
    return this.turnResult(http, before, activity);
  }

  /** A click on a card button, from the conversation the card is in. */
  async click(
    person: TeamsUser,
    button: CardButton,
    overrides: {
      verb?: string;
      data?: Record<string, unknown>;
      tenantId?: string;
      /** Where Teams says to answer (default the fake's); the invoke is answered in HTTP. */
      serviceUrl?: string;
    } = {},
  ): Promise<ClickResult> {
    const conversation = this.conversations.get(button.conversationId) ?? {
      id: button.conversationId,
      conversationType: button.conversationId.startsWith("a:") ? "personal" : "channel",
    };
    const before = this.fake.activities.length;
    const invoke = teamsCardAction({
      serviceUrl: overrides.serviceUrl ?? this.fake.serviceUrl,
      tenantId: overrides.tenantId ?? TENANT_ID,
      conversation,
      from: person,
      verb: overrides.verb ?? button.verb,
      data: overrides.data ?? button.data,
      replyToId: button.activityId,
    });
    const http = await postActivity(this.url, invoke);
    const turn = this.turnResult(http, before, invoke);
    const body = isRecord(http.body) ? http.body : {};
    const card =
      body.type === "application/vnd.microsoft.card.adaptive" && isRecord(body.value)
        ? body.value
        : undefined;
    const shownCard = card ? cardText(card) : "";
    const message =
      body.type === "application/vnd.microsoft.activity.message" && typeof body.value === "string"
        ? body.value
        : "";
    return { ...turn, card, cardText: shownCard, answer: card ? shownCard : message };
  }

  /** The one button titled `title` among `cards`; throws when there is none or several. */
  button(cards: PostedCard[], title: string): CardButton {
    const all = cards.flatMap(buttonsOf);
    const matches = all.filter((button) => button.title === title);
    const [only] = matches;
    if (matches.length !== 1 || only === undefined) {
      throw new Error(
        `expected one button "${title}", found ${matches.length} among: ${all
          .map((button) => `${button.title} (${button.command})`)
          .join(", ")}`,
      );
    }
    return only;
  }

  /** Cards delivered to a conversation (posts, and updates of them), in order. */
  cardsIn(conversationId: string): PostedCard[] {
    return postedCards(this.fake.activities).filter(
      (card) => card.conversationId === conversationId,
    );
  }

  /** The 1:1 chat Noterat opened with a person (createConversation), if it has. */
  privateChatOf(person: TeamsUser): string | undefined {
    const created = this.fake.activities.find(
      (record) =>
        record.route === "create" &&
        record.id !== undefined &&
        isRecord(record.activity) &&
        Array.isArray(record.activity.members) &&
        record.activity.members.some((account) => isRecord(account) && account.id === person.id),
    );
    return created?.id;
  }

  private conversationFor(person: TeamsUser, where: SayOptions["where"]): TeamsConversationOptions {
    const conversation = where === "personal" ? this.personalChat(person) : (where ?? CHANNEL);
    this.remember(conversation);
    return conversation;
  }

  private remember(conversation: TeamsConversationOptions): void {
    this.conversations.set(conversation.id, conversation);
  }

  private turnResult(http: PostedActivityResult, before: number, inbound: unknown): TurnResult {
    const records = this.fake.activities.slice(before);
    const cards = postedCards(records);
    return {
      inboundId: isRecord(inbound) && typeof inbound.id === "string" ? inbound.id : "",
      status: http.status,
      body: http.body,
      records,
      cards,
      text: cards.map((card) => cardText(card.card)).join("\n"),
    };
  }

  // ---- Slack (with `slack: true`) ------------------------------------------------------------

  /** `/noterat TEXT` typed in SLACK_CHANNEL; the text of the answer (ack or response_url). */
  async slackCommand(userId: string, text: string): Promise<{ status: number; text: string }> {
    const slack = this.slack;
    if (!slack) throw new Error("start the harness with { slack: true }");
    const responseId = `teams-harness-${slack.fake.responses.length}-${Date.now()}`;
    const http = await postToSlackEndpoint(
      `${this.url}/slack/events`,
      slashCommand({
        teamId: slack.fake.team.id,
        channelId: SLACK_CHANNEL,
        userId,
        text,
        responseUrl: slack.fake.responseUrl(responseId),
      }),
      { signingSecret: SLACK_SIGNING_SECRET },
    );
    if (http.status !== 200) return { status: http.status, text: http.body };
    const bodies: unknown[] = isRecord(http.json)
      ? [http.json]
      : (await slack.fake.waitForResponses(responseId, 1)).map((response) => response.body);
    return { status: http.status, text: bodies.flatMap(slackTexts).join("\n") };
  }

  // ---- the database --------------------------------------------------------------------------

  /** Rows in every table of the database (Prisma's, the search index's, all of them). */
  tableCounts(): Promise<Record<string, number>> {
    return tableCounts(this.db.database);
  }
}

// ---- reading what reached the connector -----------------------------------------------------

/** The Adaptive Cards among delivered records, each with where it was posted. */
export function postedCards(records: readonly RecordedActivity[]): PostedCard[] {
  const cards: PostedCard[] = [];
  for (const record of records) {
    for (const card of adaptiveCardsOf(deliveredActivity(record))) {
      cards.push({
        card,
        conversationId: record.conversationId,
        activityId: record.route === "create" ? (record.activityId ?? "") : (record.id ?? ""),
        record,
      });
    }
  }
  return cards;
}

/** Every TextBlock's text in a card (containers included), in document order, as sent. */
export function textBlocks(card: unknown): string[] {
  if (Array.isArray(card)) return card.flatMap(textBlocks);
  if (!isRecord(card)) return [];
  if (card.type === "TextBlock" && typeof card.text === "string") return [card.text];
  return [...textBlocks(card.body), ...textBlocks(card.items)];
}

/**
 * Markdown as Teams shows it: a backslash before ASCII punctuation shows that character
 * (CommonMark's escape, the one Noterat uses to keep user text literal).
 */
export function shownText(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** A card's text as Teams shows it, one line per TextBlock. */
export function cardText(card: unknown): string {
  return textBlocks(card).map(shownText).join("\n");
}

/** Every Action.Execute in a card (its body's ActionSets and its actions), in order. */
export function buttonsIn(card: unknown): Array<Omit<CardButton, "conversationId" | "activityId">> {
  if (Array.isArray(card)) return card.flatMap(buttonsIn);
  if (!isRecord(card)) return [];
  if (card.type === "Action.Execute" && isRecord(card.data)) {
    return [
      {
        title: String(card.title ?? ""),
        verb: String(card.verb ?? ""),
        data: card.data,
        councilId: String(card.data.councilId ?? ""),
        command: String(card.data.command ?? ""),
      },
    ];
  }
  return Object.values(card).flatMap(buttonsIn);
}

/** The buttons of a posted card, with where a click on them comes from. */
export function buttonsOf(posted: PostedCard): CardButton[] {
  return buttonsIn(posted.card).map((button) => ({
    ...button,
    conversationId: posted.conversationId,
    activityId: posted.activityId,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A proactive send (continueConversationAsync): it answers no inbound activity, so botbuilder
 * addresses it to its continuation activity's id, a fresh UUID; in-turn replies carry the id
 * of the message they answer.
 */
export function isProactive(record: RecordedActivity): boolean {
  return record.route === "reply" && UUID.test(record.replyToId ?? "");
}

/** UTF-8 bytes of a value's JSON, as Teams measures a card. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

function slackTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(slackTexts);
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "text" && typeof inner === "string" ? [inner] : slackTexts(inner),
  );
}
