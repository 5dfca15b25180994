// Small deterministic helpers for the seeded data set: ids, names, texts and
// the timestamp format Prisma's SQLite adapter writes, so that Prisma reads seeded rows and
// compares them in queries exactly like rows it wrote itself.

export function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error("pick: empty list");
  return value;
}

/** Unique ids shaped like Prisma's cuids (25 characters, starting with "c"). */
export function idMaker(table: string): () => string {
  let counter = 0;
  const prefix = `cb${table.toLowerCase().slice(0, 4).padEnd(4, "x")}`;
  return () => {
    counter += 1;
    return `${prefix}${counter.toString(36).padStart(19, "0")}`;
  };
}

/** "2026-05-01T07:00:00.000+00:00": how the adapter stores DateTime (checked against Prisma). */
export function sqlTime(instant: Date): string {
  return instant.toISOString().replace("Z", "+00:00");
}

/** Slack-shaped ids: "C" or "U" and 10 upper-case base-36 characters. */
export function slackId(kind: "C" | "U", index: number): string {
  return `${kind}${(index + 1_000_000).toString(36).toUpperCase().padStart(10, "0")}`;
}

const FIRST_NAMES = [
  "Anna",
  "Eva",
  "Maria",
  "Karin",
  "Sara",
  "Lena",
  "Emma",
  "Kerstin",
  "Per",
  "Lars",
  "Anders",
  "Johan",
  "Erik",
  "Karl",
  "Mikael",
  "Jonas",
  "Åsa",
  "Björn",
  "Ingrid",
  "Östen",
];
const LAST_NAMES = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Berg",
  "Ek",
  "Lindqvist",
  "Sjöberg",
  "Åberg",
];

/** "Anna Berg 42": unique, with Swedish letters, as colleagues know them. */
export function displayName(index: number): string {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? "Anna";
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? "Berg";
  return `${first} ${last} ${index}`;
}

export const PLACES = ["Sundsvall", "Härnösand", "Örnsköldsvik", "Kramfors", "Teams", null];

export const HEADINGS = [
  "Översyn av Kollektivtrafikmyndigheten",
  "Regional exportsamverkan",
  "Budgetuppföljning",
  "Kompetensförsörjning i vården",
  "Bredbandsutbyggnad på landsbygden",
  "Remiss: regional utvecklingsstrategi",
  "Rapport från arbetsgrupp",
  "Övriga frågor",
];

const SENTENCES = [
  "Rådet informerades om tidplanen för arbetet.",
  "Diskussion fördes om hur kommunerna ska involveras.",
  "Ärendet återkommer till nästa möte med ett förslag.",
  "Sekretariatet sammanställer synpunkterna före den 30 maj.",
  "Regionen tackar ja till erbjudandet och utser en kontaktperson.",
  "Ledamöterna ombads lämna underlag till kansliet.",
  "Frågan bereds vidare i beredningsgruppen.",
];

/** One to four sentences: item texts are a few lines in real minutes. */
export function itemText(random: () => number): string {
  const count = 1 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => pick(random, SENTENCES)).join(" ");
}

const ACTION_TEXTS = [
  "Slutför ansökan till Tillväxtverket",
  "Skicka förslaget till kommunerna",
  "Boka lokal för nästa möte",
  "Sammanställ remissvaren",
  "Ta fram underlag om kompetensbehoven",
  "Kontakta Trafikverket om tidplanen",
];

export function actionText(random: () => number, index: number): string {
  return `${pick(random, ACTION_TEXTS)} (${index})`;
}
