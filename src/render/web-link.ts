// Which user-given addresses a published post may link to: web pages only, so that a
// `javascript:` or `data:` address is shown as text and never becomes a link.

const HTTP_URL = /^https?:\/\//i;
/** "rvn.se", "www.rvn.se/handlingar": a host name with a dot, then at most a port or a path. */
const BARE_DOMAIN = /^[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)+(?:[:/?#]|$)/u;
/** Characters that a link target must not carry raw in Markdown or HTML. */
const UNSAFE_IN_TARGET = /[\s"'<>\\^`{|}()\p{Cc}]/gu;

/**
 * The http(s) address to link for what a secretary typed ("rvn.se" → "https://rvn.se"), or
 * undefined when it is not a web address. Characters unsafe in a link target are
 * percent-encoded; existing escapes are kept.
 */
export function webHref(typed: string): string | undefined {
  const text = typed.trim();
  const candidate = HTTP_URL.test(text)
    ? text
    : BARE_DOMAIN.test(text)
      ? `https://${text}`
      : undefined;
  if (candidate === undefined || !isWebUrl(candidate)) return undefined;
  return candidate.replace(UNSAFE_IN_TARGET, percentEncode);
}

/** encodeURIComponent leaves ( ) ' as they are, so ASCII is encoded by hand. */
function percentEncode(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80
    ? `%${code.toString(16).toUpperCase().padStart(2, "0")}`
    : encodeURIComponent(char);
}

function isWebUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
