import { renderSVG } from "uqr";

/** QR code as SVG (uqr: a few KB, no Node APIs, runs on Workers). Medium error correction survives a smudged print. */
export function qrSvg(text: string): string {
  return renderSVG(text, { ecc: "M", border: 2 });
}
