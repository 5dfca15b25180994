import type { Translator } from "./translator.js";

/** "Anna", "Anna och Per", "Anna, Per och Eva" (en: "Anna, Per and Eva"). */
export function joinList(parts: readonly string[], t: Translator): string {
  if (parts.length <= 1) return parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  return t.t("list.join", { head: parts.slice(0, -1).join(", "), last });
}
