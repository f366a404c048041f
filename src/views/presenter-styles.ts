// The presenter view's own stylesheet, inlined after the page's (allowed by its CSP hash, csp.ts):
// readable from the back of a room on a projector. Type scales with the window (vw, clamped) so
// 1920×1080 and a laptop both fill the screen; dark ink on white and brand bars (contrast from the
// tokens, design-tokens.ts). Bar widths are classes in steps of 5 % (no inline styles under the CSP).
import { BAR_STEPS } from "../domain/live-figures";

export const PRESENTER_CSS = `
body.presenter{background:var(--color-surface)}
body.presenter main{max-width:none;padding:var(--space-4) clamp(1rem,3vw,4rem)}
.presenter h1{font-size:clamp(1.5rem,3vw,3.25rem);margin:0 0 var(--space-2);line-height:1.15}
.presenter .when{font-size:clamp(1rem,1.6vw,1.75rem);color:var(--color-ink-muted);margin:0 0 var(--space-4)}
.live-grid{display:grid;gap:clamp(1rem,3vw,3rem);grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));align-items:start}
.live-panel{border-top:6px solid var(--color-brand);padding-top:var(--space-3)}
.live-panel h2{font-size:clamp(1.25rem,2.2vw,2.5rem);margin:0 0 var(--space-2)}
.counter{font-size:clamp(4rem,14vw,13rem);font-weight:800;line-height:1;margin:0;font-variant-numeric:tabular-nums}
.counter .of{font-size:.45em;font-weight:700;color:var(--color-ink-muted)}
.rate{font-size:clamp(1.5rem,3vw,3.5rem);font-weight:700;margin:var(--space-2) 0 0}
.mean{font-size:clamp(3rem,8vw,8rem);font-weight:800;line-height:1;margin:0;font-variant-numeric:tabular-nums}
.mean-label,.basis,.waiting{font-size:clamp(1rem,1.6vw,1.75rem);margin:var(--space-1) 0 var(--space-3)}
.dist{width:100%;border-collapse:collapse;font-size:clamp(1rem,1.8vw,2rem)}
.dist th,.dist td{border:0;padding:.15em .3em;text-align:left;vertical-align:middle}
.dist th[scope=row]{width:2.5em;font-variant-numeric:tabular-nums}
.dist td{display:flex;align-items:center;gap:.4em}
.dist .bar{display:inline-block;height:.9em;background:var(--color-brand);border-radius:var(--radius-sm);min-width:2px}
.dist .n{font-variant-numeric:tabular-nums;font-weight:700}
.live-rule{font-size:clamp(.9rem,1.2vw,1.25rem);color:var(--color-ink-muted);margin-top:var(--space-5)}
.live-status{font-size:clamp(1rem,1.4vw,1.5rem);font-weight:700;color:var(--color-error)}
.presenter-links{display:flex;flex-wrap:wrap;gap:var(--space-4);margin:0 0 var(--space-3)}
${BAR_STEPS.map((step) => `.w-${step}{width:${step * 0.8}%}`).join("\n")}
`;
