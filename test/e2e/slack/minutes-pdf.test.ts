import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wireWeb } from "../../support/app-wiring.js";
import { pdfText } from "../../support/pdf-text.js";
import {
  CHANNEL,
  dmOf,
  OTHER_CHANNEL,
  PEOPLE,
  SlackAppHarness,
} from "../../support/slack-app-harness.js";
import { firstMissingInOrder } from "../../unit/render/text-order.js";

// `protokoll pdf` (architecture.md §12–§13) on Slack end to end, through Bolt and the real WebClient
// against the fake Web API: the justerat protocol is uploaded (files.uploadV2) to the caller's
// DM with the app, never to the channel, and the ephemeral answer says so; where the upload
// fails the answer is the document's note; refusals upload nothing.

const { eva, olle, anna, per } = PEOPLE;
const at = (id: string) => `<@${id}>`;

const FILE = "regionala-samverkansradet-2026-04-14-protokoll.pdf";
const SENT = "Protokollet som PDF har skickats till dig privat.";
const NO_LINK =
  "PDF:en kan inte skickas här. Slå på webbarkivet (`webb på`) och sätt NOTERAT_PUBLIC_URL, så länkas den.";
/** A reserved name (RFC 2606): nothing is ever fetched from it. */
const PUBLIC_URL = "https://noterat.region.example";

describe("`protokoll pdf` on Slack", () => {
  let h: SlackAppHarness;

  /** The calls that hand a file to Slack, whatever came of them. */
  const uploadCalls = () =>
    ["conversations.open", "files.getUploadURLExternal", "files.completeUploadExternal"].flatMap(
      (method) => h.fake.callsTo(method),
    );

  /** Olle and Anna (the chosen justerare) sign; the protocol is justerat. */
  async function justera(): Promise<string> {
    await h.command(olle.id, "justera");
    const last = await h.command(anna.id, "justera");
    expect(last.text).toContain("Protokollet från mötet 14 april är justerat");
    return /kontrollsumma ([0-9a-f]{12})/.exec(last.text)?.[1] ?? "";
  }

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, "läge protokoll");
    await h.command(eva.id, `roll ${at(olle.id)} ordförande`);
    await h.command(eva.id, `ledamot ${at(olle.id)} ${at(anna.id)} ${at(per.id)}`);
    await h.command(eva.id, "möte idag kl 13:00 Sundsvall");
    await h.command(eva.id, `närvarande ${[olle, anna, per, eva].map((p) => at(p.id)).join(" ")}`);
    await h.command(eva.id, `justerare ${at(anna.id)}`);
    await h.command(eva.id, "beslut Budget 2027: Rådet fastställer budgeten."); // #8
    expect((await h.command(eva.id, "votering 8 2 1")).text).toBe("Omröstning i #8: ja 2, nej 1.");
  });
  afterEach(async () => {
    await h.stop();
  });

  it("uploads the justerat protocol to the caller's DM with the app, and says so to them alone", async () => {
    const checksum = await justera();
    const posted = h.fake.callsTo("chat.postMessage").length;

    const answer = await h.command(eva.id, "protokoll pdf");
    expect(answer.text).toBe(SENT);
    expect(answer.messages.map((message) => message.responseType)).toEqual(["ephemeral"]);
    expect(h.fake.callsTo("conversations.open").map((call) => call.args.users)).toEqual([eva.id]);
    const [file, ...others] = h.fake.files;
    expect(others).toEqual([]);
    expect(file?.filename).toBe(FILE);
    expect(file?.completed).toEqual({ channel: dmOf(eva.id), title: FILE });
    expect(h.fake.filesIn(CHANNEL)).toEqual([]);
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(posted);

    const bytes = file?.bytes ?? Buffer.alloc(0);
    expect(bytes.length).toBe(file?.length);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(
      firstMissingInOrder(text, [
        "Regionala samverkansrådet",
        "PROTOKOLL",
        "Sammanträdesdatum 2026-04-14",
        "Beslutande Olle (ordförande), Anna B, Per Persson",
        "Övriga närvarande Eva (sekreterare)",
        "Utses att justera Anna B",
        "§ 1 Mötets öppnande",
        "§ 2 Val av justerare",
        "§ 6 Budget 2027",
        "Beslut Rådet fastställer budgeten.",
        "Omröstning Ja 2, Nej 1.",
        "§ 7 Övriga frågor",
        "§ 8 Mötets avslutande",
        "Underskrifter",
        `Ordförande Olle — Justerat digitalt 2026-04-14 11.00, kontrollsumma ${checksum}`,
        `Justerare Anna B — Justerat digitalt 2026-04-14 11.00, kontrollsumma ${checksum}`,
      ]),
    ).toBeUndefined();
    expect(text).toMatch(/Sida 1 av [1-9]/);

    // The chair asks too: a file of his own, in his own DM.
    expect((await h.command(olle.id, "protokoll pdf")).text).toBe(SENT);
    expect(h.fake.filesIn(dmOf(olle.id)).map((shared) => shared.filename)).toEqual([FILE]);
    expect(h.fake.filesIn(dmOf(eva.id))).toHaveLength(1);
  });

  it("answers with the document's note when the upload fails, and uploads on the next try", async () => {
    await justera();
    h.fake.failNext("upload_url", { status: 503 });
    expect((await h.command(eva.id, "protokoll pdf")).text).toBe(NO_LINK);
    expect(h.fake.pendingFailures("upload_url")).toBe(0);
    expect(h.fake.callsTo("files.completeUploadExternal")).toEqual([]);
    expect(h.fake.files.map((file) => [file.bytes, file.completed])).toEqual([
      [undefined, undefined],
    ]);

    expect((await h.command(eva.id, "protokoll pdf")).text).toBe(SENT);
    expect(h.fake.filesIn(dmOf(eva.id))).toHaveLength(1);

    // Published, with the web on and a public address, the note is the archive's link.
    wireWeb(h.deps, { publicUrl: PUBLIC_URL });
    expect((await h.command(eva.id, "webb på")).text).toBe(
      `Rådets publicerade anteckningar visas nu i webbarkivet: ${PUBLIC_URL}/arkiv/regionala-samverkansradet/`,
    );
    expect((await h.command(eva.id, "publicera")).text).toContain("är publicerad i 1 av 1 kanal");
    h.fake.failNext("files.getUploadURLExternal", { error: "file_uploads_disabled" });
    expect((await h.command(per.id, "protokoll pdf")).text).toBe(
      `Protokollet som PDF finns i webbarkivet: ${PUBLIC_URL}/arkiv/regionala-samverkansradet/2026-04-14/protokoll.pdf`,
    );
    expect(h.fake.filesIn(dmOf(per.id))).toEqual([]);
  });

  it("refuses before justering, in notes mode and to a member before publishing, and uploads nothing", async () => {
    expect((await h.command(eva.id, "protokoll pdf")).text).toBe(
      "Protokollet från mötet 14 april är inte justerat än: PDF:en görs av det justerade protokollet.",
    );
    await h.command(olle.id, "justera");
    expect((await h.command(olle.id, "protokoll pdf")).text).toContain("är inte justerat än");

    await h.command(anna.id, "justera");
    const member = await h.command(per.id, "protokoll pdf");
    expect(member.text).toBe("Utkastet visas bara för sekreteraren, ordföranden och justerare.");
    expect(member.messages.map((message) => message.responseType)).toEqual(["ephemeral"]);

    const other = { channelId: OTHER_CHANNEL };
    await h.command(eva.id, "råd Reglab", other);
    await h.command(eva.id, `roll ${at(olle.id)} ordförande`, other);
    await h.command(eva.id, "möte idag kl 15:00", other);
    await h.command(eva.id, "beslut Lokal: Reglab hyr Stadshuset.", other);
    expect((await h.command(olle.id, "justera", other)).text).toContain("Kontrollsumma");
    expect((await h.command(eva.id, "protokoll pdf", other)).text).toBe(
      "Det hör till protokolläget. Sekreteraren slår på det med `läge protokoll`.",
    );

    expect(uploadCalls()).toEqual([]);
    expect(h.fake.files).toEqual([]);
  });
});
