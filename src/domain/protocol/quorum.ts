// Quorum (architecture.md §12): more than half of the ordinary members present, a substitute serving
// for an absent member counting for them.

export interface Quorum {
  /** Ordinary members present plus substitutes serving. */
  deciding: number;
  /** Ordinary members in the register. */
  members: number;
  /** How many deciding are needed: more than half of the members. */
  needed: number;
  met: boolean;
}

export function quorumOf(input: {
  members: number;
  membersPresent: number;
  serving: number;
}): Quorum {
  const deciding = Math.min(input.members, input.membersPresent + input.serving);
  const needed = Math.floor(input.members / 2) + 1;
  return { deciding, members: input.members, needed, met: input.members > 0 && deciding >= needed };
}
