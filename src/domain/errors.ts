// Typed errors of the core. Each surface maps `code` to a localised reply
// (catalogue key `error.<code>`), so no handler writes user text for a failure.

export const ERROR_CODES = [
  "no-council",
  "no-current-meeting",
  "no-next-meeting",
  "meeting-not-found",
  "meeting-exists",
  "not-found",
  "forbidden-secretary",
  "forbidden-approver",
  "forbidden-assignee",
  "already-bound",
  "bad-button",
  "link-code-invalid",
  "nothing-to-compile",
  "already-approved",
  "already-published",
  "forbidden-draft",
  "not-approved",
  "not-published",
  "changed-while-approved",
  "busy",
  "nothing-published",
  "already-done",
  "already-removed",
  "not-an-action",
  "not-a-minuted-item",
  "no-such-date",
  "last-secretary",
  "reminder-time-outside-hours",
  "not-protocol-mode",
  "not-in-council",
  "not-a-substitute",
  "not-a-member",
  "not-a-decision",
  "vote-exceeds",
  "forbidden-protocol-approver",
  "already-signed",
  "no-approvers-chosen",
  "no-one-in-rota",
  "not-immediate",
  "immediate-not-approved",
  "not-justerad",
  "paragraphs-taken",
  "no-chair",
  "approver-is-chair",
  "not-justerat-pdf",
  "meeting-has-minutes",
  "nothing-to-confirm",
  "forget-not-found",
  "forget-self",
  "forbidden-log",
  // Items and assignees outside the chat (issue 14).
  "unknown-external",
  "not-an-item",
  "item-before-itself",
  "items-in-different-meetings",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class NoteratError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
    this.name = "NoteratError";
    this.code = code;
    this.params = params;
  }
}
