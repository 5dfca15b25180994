import type {
  ActionRecord,
  CouncilRecord,
  MeetingRecord,
  PersonRecord,
  Place,
} from "../domain/records.js";
import {
  type ReminderSettings,
  readReminderSettings,
} from "../domain/reminders/reminder-settings.js";
import type { Platform } from "../domain/types.js";
import { Prisma } from "../generated/prisma/client.js";
import { actionsByIdQuery } from "./actions-repository.js";
import type { Dialect } from "./database-url.js";
import { inIdList } from "./id-list.js";
import type { PreparedStatements } from "./prepared-statements.js";
import {
  fromRawMeeting,
  type ListedActionRow,
  type RawMeetingRow,
  toCouncil,
  toListedActions,
  toMeeting,
  toPerson,
} from "./row-mappers.js";

/** What a batch of claimed reminders names, by id. */
export interface SubjectIds {
  personIds: string[];
  bindingIds: string[];
  councilIds: string[];
  actionIds: string[];
  meetingIds: string[];
}

/** Everything a batch of reminders names, as it is now: what is gone is absent. */
export interface ReminderSubjects {
  people: Map<string, PersonRecord>;
  /** Channel bindings by id. */
  places: Map<string, Place>;
  /** The reminders' councils and their actions' councils. */
  councils: Map<string, CouncilRecord>;
  settings: Map<string, ReminderSettings>;
  /** Whatever their status. */
  actions: Map<string, ActionRecord>;
  meetings: Map<string, MeetingRecord>;
}

type CouncilRow = Pick<CouncilRecord, "id" | "name" | "locale" | "timeZone" | "mode"> & {
  reminderSettings: string | null;
};

/**
 * The reads of a reminder batch (architecture.md §5): before it is sent, each reminder is checked
 * against the store as it is now. A batch of 50 recipients names a few hundred rows; they are
 * read in one prepared statement per table instead of a Prisma query per recipient.
 */
export class ReminderSubjectsRepository {
  constructor(
    private readonly prepared: PreparedStatements,
    private readonly dialect: Dialect,
  ) {}

  async read(ids: SubjectIds): Promise<ReminderSubjects> {
    const [people, places, actions, meetings] = await Promise.all([
      this.people(ids.personIds),
      this.places(ids.bindingIds),
      this.actions(ids.actionIds),
      this.meetings(ids.meetingIds),
    ]);
    const councilIds = new Set(ids.councilIds);
    for (const action of actions.values()) councilIds.add(action.councilId);
    const { councils, settings } = await this.councils([...councilIds]);
    return { people, places, councils, settings, actions, meetings };
  }

  private async people(ids: string[]): Promise<Map<string, PersonRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prepared.rows<Parameters<typeof toPerson>[0]>(Prisma.sql`
      SELECT "id", "platform", "workspaceId", "externalId", "displayName", "locale"
      FROM "Person" WHERE "id" ${inIdList(this.dialect, ids)}`);
    return new Map(rows.map((row) => [row.id, toPerson(row)]));
  }

  private async places(ids: string[]): Promise<Map<string, Place>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prepared.rows<Place & { id: string }>(Prisma.sql`
      SELECT "id", "platform", "workspaceId", "channelId"
      FROM "ChannelBinding" WHERE "id" ${inIdList(this.dialect, ids)}`);
    return new Map(
      rows.map(({ id, platform, workspaceId, channelId }) => [
        id,
        { platform: platform as Platform, workspaceId, channelId },
      ]),
    );
  }

  private async councils(ids: string[]): Promise<Pick<ReminderSubjects, "councils" | "settings">> {
    const found: Pick<ReminderSubjects, "councils" | "settings"> = {
      councils: new Map(),
      settings: new Map(),
    };
    if (ids.length === 0) return found;
    const rows = await this.prepared.rows<CouncilRow>(Prisma.sql`
      SELECT "id", "name", "locale", "timeZone", "mode", "reminderSettings"
      FROM "Council" WHERE "id" ${inIdList(this.dialect, ids)}`);
    for (const row of rows) {
      found.councils.set(row.id, toCouncil(row));
      found.settings.set(row.id, readReminderSettings(row.reminderSettings));
    }
    return found;
  }

  private async actions(ids: string[]): Promise<Map<string, ActionRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prepared.rows<ListedActionRow>(
      actionsByIdQuery(inIdList(this.dialect, ids)),
    );
    return new Map(toListedActions(rows).map((action) => [action.id, action]));
  }

  private async meetings(ids: string[]): Promise<Map<string, MeetingRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prepared.rows<RawMeetingRow>(Prisma.sql`
      SELECT * FROM "Meeting" WHERE "id" ${inIdList(this.dialect, ids)}`);
    return new Map(rows.map((row) => [row.id, toMeeting(fromRawMeeting(row))]));
  }
}
