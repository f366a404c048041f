import { PAGE_CSS } from "./styles";

let styleHash: Promise<string> | undefined;

/** sha256 of the inline stylesheet, computed once per process or isolate. */
function inlineStyleHash(): Promise<string> {
  styleHash ??= crypto.subtle.digest("SHA-256", new TextEncoder().encode(PAGE_CSS)).then((digest) => {
    let binary = "";
    for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
    return `'sha256-${btoa(binary)}'`;
  });
  return styleHash;
}

/** No inline scripts, no framing, forms only back to us. */
export async function pageContentSecurityPolicy(): Promise<string> {
  return [
    "default-src 'self'",
    `style-src 'self' ${await inlineStyleHash()}`,
    "script-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}
