// Who may do what (DESIGN.md §3): anyone in the channel reads and completes their own actions,
// the secretary does every write, the chair or an approver approves the minutes.
import { NoteratError } from "./errors.js";
import type { Role } from "./types.js";

export function assertSecretary(role: Role | null): void {
  if (role !== "secretary") throw new NoteratError("forbidden-secretary");
}

export function assertApprover(role: Role | null): void {
  if (role !== "chair" && role !== "approver") throw new NoteratError("forbidden-approver");
}

/** Drafts are shown to those who write or approve them. */
export function assertMayReadDraft(role: Role | null): void {
  if (role !== "secretary" && role !== "chair" && role !== "approver") {
    throw new NoteratError("forbidden-draft");
  }
}

/** Reminders the bot gave up on are the secretary's to follow up (DESIGN.md §5). */
export function maySeeFailedReminders(role: Role | null): boolean {
  return role === "secretary";
}

export function assertMayComplete(role: Role | null, isAssignee: boolean): void {
  if (!isAssignee && role !== "secretary") throw new NoteratError("forbidden-assignee");
}
