import { ADMIN_CSS } from "./admin/admin-styles";
import { PAGE_CSS } from "./styles";
import { PRESENTER_CSS } from "./presenter-styles";

let styleHashes: Promise<string> | undefined;

/** sha256 of each inline stylesheet (every page's, the staff pages' extra one and the presenter view's), computed once per process or isolate. */
function inlineStyleHashes(): Promise<string> {
  styleHashes ??= Promise.all([PAGE_CSS, ADMIN_CSS, PRESENTER_CSS].map(sha256Source)).then((sources) => sources.join(" "));
  return styleHashes;
}

async function sha256Source(css: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(css));
  let binary = "";
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/** No inline scripts, no framing, forms only back to us. */
export async function pageContentSecurityPolicy(): Promise<string> {
  return [
    "default-src 'self'",
    `style-src 'self' ${await inlineStyleHashes()}`,
    "script-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}
