import type { MinutesDocument } from "../domain/minutes/document.js";
import {
  type FindingPlace,
  type PersonalDataFinding,
  personalDataIn,
} from "../domain/privacy/minutes-findings.js";
import type { ReplyBlock, ReplyBody } from "../domain/reply.js";
import type { CommandContext } from "./context.js";

type Translate = CommandContext<unknown>["t"];

/** Each finding as the secretary reads it: "#12: personnummer 19••••••-••34". */
function findingLines(findings: PersonalDataFinding[], t: Translate): string[] {
  return findings.map((finding) =>
    t.t("privacy.finding", {
      place: placeName(finding.place, t),
      kind: t.t(`privacy.kind.${finding.kind}`),
      masked: finding.masked,
    }),
  );
}

function placeName(place: FindingPlace, t: Translate): string {
  return place.type === "item"
    ? t.t("privacy.place.item", { ref: place.ref })
    : t.t(`privacy.place.${place.type}`);
}

/** What a draft says under itself when the check finds something; nothing when it is clean. */
export function findingsBlocks(document: MinutesDocument, t: Translate): ReplyBlock[] {
  const findings = personalDataIn(document);
  if (findings.length === 0) return [];
  return [
    { type: "list", title: t.t("privacy.findings-title"), lines: findingLines(findings, t) },
    { type: "text", text: t.t("privacy.findings-next") },
  ];
}

/** What the check at `publicera` decided: refuse with this reply, or go on. */
export type PersonalDataVerdict =
  | { refusal: ReplyBody }
  /** Findings the secretary published anyway (`publicera ändå`); empty when there were none. */
  | { accepted: PersonalDataFinding[] };

/**
 * The check at `publicera` (architecture.md §15): a refusal that names the findings, unless the
 * secretary said `ändå`. `ändå` with nothing found is refused too, so that it never hides a
 * mistyped command.
 */
export function checkBeforePublishing(
  document: MinutesDocument,
  anyway: boolean,
  t: Translate,
): PersonalDataVerdict {
  const findings = personalDataIn(document);
  if (findings.length === 0 && !anyway) return { accepted: [] };
  const blocks: ReplyBlock[] =
    findings.length === 0
      ? [{ type: "text", text: t.t("privacy.anyway-nothing") }]
      : anyway
        ? []
        : [
            { type: "list", title: t.t("privacy.refused-title"), lines: findingLines(findings, t) },
            { type: "text", text: t.t("privacy.refused-next") },
          ];
  return blocks.length > 0 ? { refusal: { audience: "caller", blocks } } : { accepted: findings };
}

/** After publishing anyway: the audit trail records it, with the findings masked as shown. */
export async function recordPublishedAnyway(
  context: CommandContext<unknown>,
  meeting: { id: string; councilId: string },
  findings: PersonalDataFinding[],
): Promise<void> {
  if (findings.length === 0) return;
  await context.deps.store.audit.record({
    councilId: meeting.councilId,
    actorId: context.actor.id,
    action: "published-anyway",
    entityType: "meeting",
    entityId: meeting.id,
    after: { findings },
    at: context.now,
  });
}
