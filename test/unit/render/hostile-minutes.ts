import { compileMinutes } from "../../../src/domain/minutes/compile-minutes.js";
import type { MinutesDocument } from "../../../src/domain/minutes/document.js";
import { seedMeeting } from "../minutes/seed-003-meeting.js";

// A post whose every user-typed part tries to become markup in the renderer's target.

export const HOSTILE = {
  council: "Rådet <b>\"x\"</b> & 'y'",
  heading: "# <script>alert(1)</script>",
  text: "[x](javascript:alert(1))\n<img src=x onerror=alert(1)>\n\n*bold*\n1. list\n> quote",
  decisionHeading: '"><svg onload=alert(1)>',
  action: "`rm -rf` & <b>fet</b>",
  assignee: "Anna <@U123>",
  documentsUrl: "javascript:alert(1)",
} as const;

export function hostileMinutes(documentsUrl: string = HOSTILE.documentsUrl): MinutesDocument {
  const base = seedMeeting();
  return compileMinutes(
    seedMeeting({
      council: { name: HOSTILE.council },
      meeting: { ...base.meeting, documentsUrl, lede: null },
      items: [
        { ref: 1, kind: "info", heading: HOSTILE.heading, text: HOSTILE.text, paragraph: null },
        {
          ref: 2,
          kind: "decision",
          heading: HOSTILE.decisionHeading,
          text: "Beslutat.",
          paragraph: 7,
        },
      ],
      actions: [
        {
          ref: 3,
          itemRef: 1,
          text: HOSTILE.action,
          assignees: [HOSTILE.assignee],
          due: null,
        },
        { ref: 4, itemRef: null, text: "- [ ] lista", assignees: [], due: null },
      ],
    }),
  );
}
