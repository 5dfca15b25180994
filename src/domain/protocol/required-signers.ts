// Who signs a protocol (architecture.md §12): one of the council's chairs (any one, when it has
// several) and every justerare chosen for the meeting.

export interface RequiredSigners {
  chairIds: readonly string[];
  approverIds: readonly string[];
}

/** Those still to sign, given who has: every chair while none has, and each unsigned approver. */
export function missingSigners(required: RequiredSigners, signers: ReadonlySet<string>): string[] {
  const chairSigned =
    required.chairIds.length === 0 || required.chairIds.some((id) => signers.has(id));
  const missing = [
    ...(chairSigned ? [] : required.chairIds),
    ...required.approverIds.filter((id) => !signers.has(id)),
  ];
  return [...new Set(missing)];
}
