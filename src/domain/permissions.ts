// Who may do what (architecture.md §3, §12): anyone in the channel reads and completes their own
// actions, the secretary does every write, the chair or an approver approves the minutes. A
// person may hold several roles; any one that allows a command is enough.
import { NoteratError } from "./errors.js";
import type { Role } from "./types.js";

type Roles = readonly Role[];

export function isSecretary(roles: Roles): boolean {
  return roles.includes("secretary");
}

export function isChair(roles: Roles): boolean {
  return roles.includes("chair");
}

export function assertSecretary(roles: Roles): void {
  if (!isSecretary(roles)) throw new NoteratError("forbidden-secretary");
}

/** Notes mode: the chair or a standing approver (`roll @P justerare`) approves. */
export function mayApprove(roles: Roles): boolean {
  return roles.includes("chair") || roles.includes("approver");
}

export function assertApprover(roles: Roles): void {
  if (!mayApprove(roles)) throw new NoteratError("forbidden-approver");
}

/** Drafts are shown to those who write or approve them. */
export function assertMayReadDraft(roles: Roles, chosenApprover = false): void {
  if (!isSecretary(roles) && !mayApprove(roles) && !chosenApprover) {
    throw new NoteratError("forbidden-draft");
  }
}

/** Reminders the bot gave up on are the secretary's to follow up (architecture.md §5). */
export function maySeeFailedReminders(roles: Roles): boolean {
  return isSecretary(roles);
}

export function assertMayComplete(roles: Roles, isAssignee: boolean): void {
  if (!isAssignee && !isSecretary(roles)) throw new NoteratError("forbidden-assignee");
}
