// All user-facing text, merged from one catalogue per area of the product.
import type { Locale } from "../types.js";
import { administrationMessages } from "./messages/administration.js";
import { buttonMessages } from "./messages/buttons.js";
import { errorMessages } from "./messages/errors.js";
import { followUpMessages } from "./messages/follow-up.js";
import { formMessages } from "./messages/forms.js";
import { identityMessages } from "./messages/identity.js";
import { itemMessages } from "./messages/items.js";
import { minutesMessages } from "./messages/minutes.js";
import { parseMessages } from "./messages/parse.js";
import { privacyMessages } from "./messages/privacy.js";
import { protocolMessages } from "./messages/protocol.js";
import { protocolCommandMessages } from "./messages/protocol-commands.js";
import { protocolPdfMessages } from "./messages/protocol-pdf.js";
import { recordMessages } from "./messages/record.js";
import { reminderNoticeMessages } from "./messages/reminder-notices.js";
import { reminderMessages } from "./messages/reminders.js";
import { replyMessages } from "./messages/replies.js";
import { teamsMessages } from "./messages/teams.js";
import { webMessages } from "./messages/web.js";
import { webCommandMessages } from "./messages/web-commands.js";
import { webFeedMessages } from "./messages/web-feeds.js";

const areas = [
  administrationMessages,
  buttonMessages,
  errorMessages,
  followUpMessages,
  formMessages,
  identityMessages,
  itemMessages,
  minutesMessages,
  parseMessages,
  privacyMessages,
  protocolMessages,
  protocolCommandMessages,
  protocolPdfMessages,
  recordMessages,
  reminderNoticeMessages,
  reminderMessages,
  replyMessages,
  teamsMessages,
  webCommandMessages,
  webFeedMessages,
  webMessages,
];

type Merged = typeof administrationMessages.sv &
  typeof buttonMessages.sv &
  typeof errorMessages.sv &
  typeof followUpMessages.sv &
  typeof formMessages.sv &
  typeof identityMessages.sv &
  typeof itemMessages.sv &
  typeof minutesMessages.sv &
  typeof parseMessages.sv &
  typeof privacyMessages.sv &
  typeof protocolMessages.sv &
  typeof protocolCommandMessages.sv &
  typeof protocolPdfMessages.sv &
  typeof recordMessages.sv &
  typeof reminderNoticeMessages.sv &
  typeof reminderMessages.sv &
  typeof replyMessages.sv &
  typeof teamsMessages.sv &
  typeof webCommandMessages.sv &
  typeof webFeedMessages.sv &
  typeof webMessages.sv;
export type MessageKey = keyof Merged & string;

function merge(locale: Locale): Record<MessageKey, string> {
  return Object.assign({}, ...areas.map((area) => area[locale])) as Record<MessageKey, string>;
}

export const catalog: Record<Locale, Record<MessageKey, string>> = {
  sv: merge("sv"),
  en: merge("en"),
};
