// Justerare by rota (architecture.md §12): the ordinary members in register order, taking turns.

export interface RotaInput {
  /** Ordinary members' ids in register order. */
  register: readonly string[];
  /** Who cannot approve this time: the chair, the secretary, the absent. */
  unavailable: ReadonlySet<string>;
  /** Who approved the previous meeting: they are skipped, and the turn goes on after them. */
  lastTime: readonly string[];
  count: number;
}

/**
 * The next `count` members after the last one who approved, skipping the unavailable and those
 * who approved last time; when that leaves too few, those who approved last time come back in.
 */
export function nextInRota(input: RotaInput): string[] {
  const { register, unavailable, lastTime } = input;
  const lastIndex = Math.max(-1, ...lastTime.map((id) => register.indexOf(id)));
  const inTurn = register.map(
    (_, step) => register[(lastIndex + 1 + step) % register.length] ?? "",
  );
  const available = inTurn.filter((id) => !unavailable.has(id));
  const fresh = available.filter((id) => !lastTime.includes(id));
  const again = available.filter((id) => lastTime.includes(id));
  return [...fresh, ...again].slice(0, input.count);
}
