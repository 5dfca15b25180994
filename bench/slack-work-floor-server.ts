// The work floor (issue 16): what Noterat does for `/noterat öppna` and `/noterat noterat
// RUBRIK: TEXT`, with the least machinery. Bolt as the bare floor sets it up; the store's own
// statements (its exported builders, so the very same SQL) prepared once on one better-sqlite3
// connection of the floor's own; the same Reply rendered by the same Block Kit renderer; answered
// as Noterat answers (the first message in the ack, the rest through response_url).
import type { SlashCommand } from "@slack/bolt";
import BetterSqlite3 from "better-sqlite3";
import { slackResponses } from "../src/bots/slack/slack-responses.js";
import { localDateOf, toLocal } from "../src/domain/dates/zoned-time.js";
import { createTranslator } from "../src/domain/i18n/translator.js";
import type { Identity, Place } from "../src/domain/records.js";
import { type Reply, textReply } from "../src/domain/reply.js";
import type { Locale } from "../src/domain/types.js";
import type { Prisma } from "../src/generated/prisma/client.js";
import { actionEntries } from "../src/handlers/action-entries.js";
import { LIST_LIMIT } from "../src/handlers/list-actions.js";
import { dayBounds } from "../src/handlers/scope.js";
import { countOpenActionsQuery, openActionsQuery } from "../src/store/actions-repository.js";
import { auditEntryQuery } from "../src/store/audit-trail.js";
import { insertItemQuery } from "../src/store/items-repository.js";
import { plannedBetweenQuery } from "../src/store/meetings-repository.js";
import { reopenMeetingQuery } from "../src/store/minutes-record-repository.js";
import { type ActorInPlaceRow, actingInQuery } from "../src/store/people-repository.js";
import { StatementCache } from "../src/store/prepared-statements.js";
import {
  fromRawItem,
  fromRawMeeting,
  type ListedActionRow,
  type RawItemRow,
  type RawMeetingRow,
  toItem,
  toListedActions,
  toMeeting,
} from "../src/store/row-mappers.js";
import { takeRefQuery } from "../src/store/short-refs.js";
import { sqliteFilePath } from "../src/store/sqlite-file.js";
import { sqliteValues } from "../src/store/sqlite-prepared-statements.js";
import type { BenchServer } from "./bench-server.js";
import { startBoltFloor } from "./slack-floor-server.js";

export interface SlackWorkFloorSpec {
  kind: "slack-work-floor";
  /** The SQLite file Noterat's run used (`file:…`). */
  databaseUrl: string;
  signingSecret: string;
  botToken: string;
  teamId: string;
}

const BUSY_TIMEOUT_MS = 5_000;
/** The two commands the benchmark sends; the floor knows no other. */
const WRITE = /^noterat\s+([^:]+?)\s*:\s*(.+)$/su;

export async function startSlackWorkFloor(spec: SlackWorkFloorSpec): Promise<BenchServer> {
  const sql = new SqlFloor(sqliteFilePath(spec.databaseUrl));
  return startBoltFloor(
    spec,
    async ({ command, ack, respond }) => {
      const [first, ...rest] = slackResponses(answer(sql, command));
      await ack(first);
      for (const message of rest) await respond(message);
    },
    () => sql.close(),
  );
}

/** The reply Noterat builds for the command: its statements, its texts, its shape. */
function answer(sql: SqlFloor, command: SlashCommand): Reply {
  const now = new Date();
  const identity: Omit<Identity, "displayName"> = {
    platform: "slack",
    workspaceId: command.team_id,
    externalId: command.user_id,
  };
  const place: Place = {
    platform: "slack",
    workspaceId: command.team_id,
    channelId: command.channel_id,
  };
  const rows = sql.all<ActorInPlaceRow>(actingInQuery(identity, place));
  const [actor] = rows;
  if (!actor?.councilId || !actor.personId || !actor.councilLocale || !actor.timeZone) {
    throw new Error("work floor: the benchmark's council and secretary should be stored");
  }
  const scope = {
    councilId: actor.councilId,
    personId: actor.personId,
    timeZone: actor.timeZone,
    roles: rows.map((row) => row.role),
    deliveryKey: `slack:${command.team_id}:${command.trigger_id}`,
    now,
  };
  if (command.text.trim() === "öppna") {
    // Answered privately: in the caller's own language when they chose one (reply-locale.ts).
    return openActions(sql, scope, (actor.personLocale ?? actor.councilLocale) as Locale);
  }
  const written = WRITE.exec(command.text.trim());
  if (!written?.[1] || !written[2]) throw new Error("work floor: only öppna and noterat");
  return recordItem(sql, scope, actor.councilLocale as Locale, {
    heading: written[1],
    text: written[2],
  });
}

interface Scope {
  councilId: string;
  personId: string;
  timeZone: string;
  roles: Array<string | null>;
  deliveryKey: string;
  now: Date;
}

/** `öppna`, as list-actions.ts answers it. */
function openActions(sql: SqlFloor, scope: Scope, locale: Locale): Reply {
  const t = createTranslator(locale);
  const filter = { councilIds: [scope.councilId] };
  const found = toListedActions(
    sql.all<ListedActionRow>(openActionsQuery({ ...filter, limit: LIST_LIMIT })),
  );
  if (found.length === 0) return { ...textReply("caller", t.t("actions.none")), locale };
  const total =
    found.length < LIST_LIMIT
      ? found.length
      : Number(sql.all<{ count: number }>(countOpenActionsQuery(filter))[0]?.count ?? 0);
  const context = {
    now: scope.now,
    t,
    dates: { locale, timeZone: scope.timeZone, now: scope.now },
  };
  return {
    audience: "caller",
    locale,
    blocks: [
      {
        type: "actions",
        title: t.t("actions.open-title", { count: total }),
        actions: actionEntries(found, context),
        ...(total > found.length
          ? { more: t.t("actions.more", { count: total - found.length }) }
          : {}),
      },
    ],
  };
}

/**
 * `noterat RUBRIK: TEXT` in the meeting held today, as record-item.ts and ItemsRepository.record
 * write it: the same statements in one transaction.
 */
function recordItem(
  sql: SqlFloor,
  scope: Scope,
  locale: Locale,
  typed: { heading: string; text: string },
): Reply {
  if (!scope.roles.includes("secretary")) throw new Error("work floor: not the secretary");
  const today = dayBounds(localDateOf(scope.now, scope.timeZone), scope.timeZone);
  const [meetingRow] = sql.all<RawMeetingRow>(
    plannedBetweenQuery(scope.councilId, today.from, today.to),
  );
  if (!meetingRow) throw new Error("work floor: the council meets today in the benchmark");
  const meeting = toMeeting(fromRawMeeting(meetingRow));
  const item = sql.transaction(() => {
    const [taken] = sql.all<{ nextRef: number }>(takeRefQuery(scope.councilId));
    const ref = Number(taken?.nextRef) - 1;
    const input = {
      councilId: scope.councilId,
      meetingId: meeting.id,
      kind: "info" as const,
      ...typed,
      authorId: scope.personId,
      paragraphYear: toLocal(meeting.startsAt, scope.timeZone).year,
      dedupKey: scope.deliveryKey,
      at: scope.now,
    };
    const [row] = sql.all<RawItemRow>(insertItemQuery(input, ref));
    if (!row) throw new Error("work floor: the insert returned no row");
    const inserted = toItem(fromRawItem(row));
    const reopened = sql.run(reopenMeetingQuery(meeting.id, scope.now));
    // The meetings held today are drafts without approvals in the seeded data: nothing to reopen.
    if (reopened > 0) throw new Error("work floor: reopening approved minutes is not its work");
    sql.run(
      auditEntryQuery({
        councilId: scope.councilId,
        actorId: scope.personId,
        action: "created",
        entityType: "item",
        entityId: inserted.id,
        after: { ref, kind: input.kind, ...typed, paragraph: inserted.paragraph },
        at: scope.now,
      }),
    );
    return inserted;
  });
  const t = createTranslator(locale);
  return {
    ...textReply("channel", t.t("item.recorded.info", { ref: item.ref, heading: item.heading })),
    locale,
  };
}

/**
 * One read-write connection (the floor is alone on the file), each statement text prepared once,
 * values bound as Prisma's SQLite adapter binds them (sqlite-prepared-statements.ts).
 */
class SqlFloor {
  private readonly connection: BetterSqlite3.Database;
  private readonly statements: StatementCache<BetterSqlite3.Statement<unknown[], unknown>>;

  constructor(path: string) {
    this.connection = new BetterSqlite3(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    this.connection.pragma("foreign_keys = ON");
    this.statements = new StatementCache((text) => this.connection.prepare(text));
  }

  all<T>(query: Prisma.Sql): T[] {
    return this.statements.get(query.sql).all(...sqliteValues(query)) as T[];
  }

  /** The number of rows changed. */
  run(query: Prisma.Sql): number {
    return this.statements.get(query.sql).run(...sqliteValues(query)).changes;
  }

  transaction<T>(work: () => T): T {
    return this.connection.transaction(work)();
  }

  close(): void {
    this.statements.clear();
    this.connection.close();
  }
}
