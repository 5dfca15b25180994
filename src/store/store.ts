import { ActionsRepository } from "./actions-repository.js";
import { AuditRepository } from "./audit-repository.js";
import { ConfirmationsRepository } from "./confirmations-repository.js";
import { CouncilsRepository } from "./councils-repository.js";
import type { Database } from "./database.js";
import { ItemsRepository } from "./items-repository.js";
import { LeasesRepository } from "./leases-repository.js";
import { MeetingsRepository } from "./meetings-repository.js";
import { MinutesRecordRepository } from "./minutes-record-repository.js";
import { PartialDeliveriesRepository } from "./partial-deliveries-repository.js";
import { PeopleRepository } from "./people-repository.js";
import { PersonalDataRepository } from "./personal-data-repository.js";
import { ProtocolRepository } from "./protocol-repository.js";
import { PublishedMessagesRepository } from "./published-messages-repository.js";
import { ReminderSubjectsRepository } from "./reminder-subjects-repository.js";
import { RemindersRepository } from "./reminders-repository.js";
import { SearchRepository } from "./search-repository.js";
import { SlackInstallationsRepository } from "./slack-installations-repository.js";
import { WebArchiveRepository } from "./web-archive-repository.js";

/** Everything handlers may do with stored data, one repository per entity. */
export interface Store {
  councils: CouncilsRepository;
  people: PeopleRepository;
  meetings: MeetingsRepository;
  minutesRecord: MinutesRecordRepository;
  protocol: ProtocolRepository;
  items: ItemsRepository;
  actions: ActionsRepository;
  search: SearchRepository;
  publishedMessages: PublishedMessagesRepository;
  slackInstallations: SlackInstallationsRepository;
  reminders: RemindersRepository;
  reminderSubjects: ReminderSubjectsRepository;
  leases: LeasesRepository;
  partialDeliveries: PartialDeliveriesRepository;
  audit: AuditRepository;
  web: WebArchiveRepository;
  personalData: PersonalDataRepository;
  confirmations: ConfirmationsRepository;
}

export function createStore(database: Database): Store {
  const { prisma, dialect, prepared } = database;
  return {
    councils: new CouncilsRepository(prisma),
    people: new PeopleRepository(prisma, prepared),
    meetings: new MeetingsRepository(prisma, prepared),
    minutesRecord: new MinutesRecordRepository(prisma),
    protocol: new ProtocolRepository(prisma),
    items: new ItemsRepository(prisma, prepared),
    actions: new ActionsRepository(prisma, prepared),
    search: new SearchRepository(prepared, dialect),
    publishedMessages: new PublishedMessagesRepository(prisma),
    slackInstallations: new SlackInstallationsRepository(prisma),
    reminders: new RemindersRepository(prisma, dialect, prepared),
    reminderSubjects: new ReminderSubjectsRepository(prepared, dialect),
    leases: new LeasesRepository(prisma),
    partialDeliveries: new PartialDeliveriesRepository(prisma),
    audit: new AuditRepository(prisma),
    web: new WebArchiveRepository(prisma),
    personalData: new PersonalDataRepository(prisma),
    confirmations: new ConfirmationsRepository(prisma),
  };
}
