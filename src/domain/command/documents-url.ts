/** Slack sends links as `<https://rvn.se|rvn.se>`; the address is what is kept. */
const ANGLE_LINK = /^<([^<>|]+)(?:\|[^<>]*)?>$/u;
const WEB_SCHEME = /^https?:\/\//iu;
const HOST_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const TOP_LEVEL_LABEL = /^\p{L}{2,}$/u;
const PORT = /:\d{1,5}$/u;

/**
 * Where a meeting's documents are: an http(s) address as written, or a bare domain with an
 * optional path (`rvn.se`, `rvn.se/handlingar`), which gets `https://` so that it is a link.
 */
export function readDocumentsUrl(word: string): string | undefined {
  const address = ANGLE_LINK.exec(word)?.[1] ?? word;
  if (WEB_SCHEME.test(address)) return isWebAddress(address) ? address : undefined;
  const host = (address.split(/[/?#]/u)[0] ?? "").replace(PORT, "");
  const labels = host.split(".");
  const topLevel = labels[labels.length - 1] ?? "";
  const isDomain =
    labels.length >= 2 &&
    labels.every((label) => HOST_LABEL.test(label)) &&
    TOP_LEVEL_LABEL.test(topLevel);
  const url = `https://${address}`;
  return isDomain && isWebAddress(url) ? url : undefined;
}

function isWebAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}
