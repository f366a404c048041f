import { BASE_CSS } from "./base-css";

// Inline stylesheet for the server-rendered pages: one request on venue wifi, allowed by a CSP hash
// (see csp.ts), no 'unsafe-inline'. The shared base (tokens, frame, buttons, forms, tables; see
// base-css.ts) and then what every server page adds: the survey form's scales and choices, errors,
// the test-mode frame, full-width buttons on a phone. Mobile first; touch targets at least 44 px; focus always visible.
// scroll-margin-top on controls: an error summary's link jumps to a question's first control, and
// the question's text and its error above it must stay on screen, not scroll away over the top.
const SERVER_PAGE_RULES = `
fieldset{border:0;margin:0 0 var(--space-5);padding:0;min-width:0}
legend{font-weight:600;font-size:var(--text-base);padding:0;margin-bottom:var(--space-1);display:block}
.hint{color:var(--color-ink-muted);font-size:var(--text-md);margin:0 0 var(--space-2)}
.scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(2.5rem,1fr));gap:.375rem;max-width:30rem}
.scale label{position:relative}
.scale input{position:absolute;opacity:0;width:100%;height:100%;left:0;top:0;margin:0;cursor:pointer}
.scale span{display:flex;align-items:center;justify-content:center;min-height:var(--target-large);padding:0 var(--space-1);border:2px solid var(--color-control);border-radius:var(--radius-lg);font-weight:600;background:var(--color-surface)}
.scale input:checked+span{background:var(--color-brand);border-color:var(--color-brand);color:var(--color-surface)}
.scale input:focus-visible+span{outline:var(--focus-width) solid var(--color-focus);outline-offset:var(--focus-offset);box-shadow:0 0 0 var(--focus-halo) var(--color-ink)}
.choices{display:grid;gap:var(--space-1)}
.choices label{display:flex;gap:var(--space-3);align-items:center;min-height:var(--target-min);padding:var(--space-1) 0}
.choices input{width:1.5rem;height:1.5rem;margin:0;flex:none}
input,select,textarea{scroll-margin-top:min(10rem,40vh)}
.field{margin:0 0 var(--space-5)}
.invalid{border-left:4px solid var(--color-error);padding-left:var(--space-3)}
.invalid .scale{grid-template-columns:repeat(auto-fit,minmax(2.25rem,1fr));gap:var(--space-1)}
.error{color:var(--color-error);font-weight:600;margin:0 0 var(--space-2)}
input.code{font-family:var(--font-mono);font-size:1.75rem;letter-spacing:.2em;text-transform:uppercase;max-width:14rem}
.test-mode{border:4px dashed var(--color-test-border);background:var(--color-test-pale);color:var(--color-ink);padding:var(--space-3) var(--space-4);margin:0 0 var(--space-5);border-radius:var(--radius-md)}
.test-mode p{margin:var(--space-1) 0}
.lang-offer{margin:0 0 var(--space-3)}
.lang-offer a{display:inline-flex;align-items:center;min-height:var(--target-min);padding:0 var(--space-3);border:2px solid var(--color-brand);border-radius:var(--radius-lg);font-weight:600}
.summary h2{font-size:var(--text-xl);margin:0 0 var(--space-2)}
.summary ul{margin:0;padding-left:1.25rem}
.summary a{color:var(--color-error);font-weight:600}
button{min-height:var(--target-large);padding:var(--space-3) var(--space-5);width:100%}
@media(min-width:30rem){button{width:auto}}
.req{color:var(--color-error)}
.pre{white-space:pre-wrap}
.actions{display:flex;flex-wrap:wrap;gap:var(--space-2);align-items:center;margin:var(--space-4) 0}
.actions form{margin:0}
.ok{border-left:4px solid var(--color-success);padding:var(--space-2) var(--space-3);background:var(--color-success-pale);margin:0 0 var(--space-4)}
@media(forced-colors:active){.scale input:checked+span{border:4px double}}
`.trim();

export const PAGE_CSS = `${BASE_CSS}\n${SERVER_PAGE_RULES}`;
