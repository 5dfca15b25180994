/**
 * A name in the ASCII of web addresses and file names: "Regionala samverkansrådet" →
 * "regionala-samverkansradet". Letters lose their marks; anything else becomes one hyphen.
 */
export function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
