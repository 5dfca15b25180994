/**
 * JSON Web Tokens for tests, signed with an RSA key made on the spot (RS256, RFC 7515/7519):
 * the Bot Framework's tokens as a fake of its login service would issue them.
 *
 *   const key = newSigningKey("test-key-1");
 *   const token = signJwt({ iss: "https://api.botframework.com", aud: appId, exp }, key);
 *   // key.jwk goes into the fake's JWKS document.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWKS entry (RFC 7517). */
  jwk: { kty: string; n: string; e: string; kid: string; use: "sig"; alg: "RS256" };
}

export function newSigningKey(kid: string): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const { kty, n, e } = publicKey.export({ format: "jwk" });
  if (kty === undefined || n === undefined || e === undefined) {
    throw new Error("newSigningKey: the public key did not export as an RSA JWK");
  }
  return { kid, privateKey, jwk: { kty, n, e, kid, use: "sig", alg: "RS256" } };
}

/** A compact JWT signed RS256 with `key`; the header names `kid` (default the key's own). */
export function signJwt(
  claims: Record<string, unknown>,
  key: SigningKey,
  header: { kid?: string } = {},
): string {
  const signingInput = `${encode({ alg: "RS256", typ: "JWT", kid: header.kid ?? key.kid })}.${encode(claims)}`;
  const signature = sign("sha256", Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${signature.toString("base64url")}`;
}

/** An unsecured JWT (`alg: none`, RFC 7519 §6), naming a key id as a forger would. */
export function unsignedJwt(claims: Record<string, unknown>, kid: string): string {
  return `${encode({ alg: "none", typ: "JWT", kid })}.${encode(claims)}.`;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
