// Who a reminder row is for, as the outbox stores it: "channel:<binding id>" or
// "person:<person id>". Written by the planner, read back when the row is sent.

export type Recipient =
  | { type: "channel"; bindingId: string }
  | { type: "person"; personId: string };

export function channelRecipient(bindingId: string): string {
  return `channel:${bindingId}`;
}

export function personRecipient(personId: string): string {
  return `person:${personId}`;
}

export function parseRecipient(recipient: string): Recipient {
  const colon = recipient.indexOf(":");
  const id = recipient.slice(colon + 1);
  return recipient.slice(0, colon) === "channel"
    ? { type: "channel", bindingId: id }
    : { type: "person", personId: id };
}
