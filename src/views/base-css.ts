import { tokensCss } from "./design-tokens";

// The style base both faces share: the server-rendered pages (styles.ts adds the survey's rules,
// admin/admin-styles.ts the staff pages') and the dashboard (web/src/dashboard/dashboard.css, joined
// to this at build time by scripts/lib/dashboard-css.ts). Reset, type, links, the focus ring, the
// skip link, the page frame (brand, language switch, staff menu, footer), buttons, form controls and
// tables, written once so the two faces look like one site. Colours and sizes only as var(--…)
// from design-tokens.ts. Touch targets at least 44 px; focus always visible. .table-scroll is
// position:relative so that the visually hidden texts (.vh, absolutely positioned) of column heads
// stay inside the box that scrolls; without it they widen the whole page on a phone.
const BASE_RULES = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:var(--text-base)/1.5 var(--font-body);color:var(--color-ink);background:var(--color-page)}
a{color:var(--color-brand)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:var(--focus-width) solid var(--color-focus);outline-offset:var(--focus-offset);box-shadow:0 0 0 var(--focus-halo) var(--color-ink)}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:var(--space-4);top:var(--space-4);background:var(--color-surface);padding:var(--space-2);z-index:2}
header,main,footer{max-width:40rem;margin:0 auto;padding:var(--space-4)}
.wide header,.wide main,.wide footer{max-width:60rem}
header{display:flex;flex-wrap:wrap;gap:var(--space-2) var(--space-4);align-items:center;justify-content:space-between}
.brand{font-weight:700;font-size:var(--text-lg)}
.langs{display:flex;gap:var(--space-1);list-style:none;margin:0;padding:0}
.langs a{display:inline-block;min-width:var(--target-min);min-height:var(--target-min);padding:.6rem var(--space-2);text-align:center;border-radius:var(--radius-md)}
.langs a[aria-current]{font-weight:700;background:var(--color-brand-light);text-decoration:none}
.staff{max-width:60rem;margin:0 auto;padding:0 var(--space-4) var(--space-4);display:flex;flex-wrap:wrap;gap:var(--space-2) var(--space-5);align-items:center;justify-content:space-between}
.staff ul{display:flex;flex-wrap:wrap;gap:var(--space-1) var(--space-4);list-style:none;margin:0;padding:0}
.staff a{display:inline-block;padding:var(--space-2) 0}
.staff a[aria-current]{font-weight:700}
.staff .account{display:flex;flex-wrap:wrap;gap:0 var(--space-4);align-items:center}
.staff form{margin:0}
main{background:var(--color-surface);border-radius:var(--radius-lg);box-shadow:0 1px 3px var(--color-shadow)}
footer{font-size:var(--text-sm);color:var(--color-ink-muted)}
h1{font-size:var(--text-xxl);line-height:1.25;margin:var(--space-1) 0 var(--space-2)}
h2{font-size:var(--text-xl);line-height:1.3;margin:0 0 var(--space-3)}
h3{font-size:var(--text-base);margin:1.25rem 0 var(--space-2)}
.meta{color:var(--color-ink-muted);margin:0 0 var(--space-4)}
.badge{display:inline-block;background:var(--color-notice-pale);border:1px solid var(--color-notice-border);color:var(--color-notice-text);border-radius:var(--radius-sm);padding:0 .4rem;font-size:var(--text-sm)}
.label{font-weight:600;font-size:var(--text-base);padding:0;margin-bottom:var(--space-1);display:block}
.summary{border:4px solid var(--color-error);padding:var(--space-4);margin:0 0 var(--space-5);border-radius:var(--radius-md)}
button{font:inherit;font-weight:700;min-height:var(--target-min);padding:.6rem 1.25rem;border:0;border-radius:var(--radius-lg);background:var(--color-brand);color:var(--color-surface);cursor:pointer}
button.secondary{background:var(--color-surface);color:var(--color-brand);border:2px solid var(--color-brand)}
button.link{background:none;color:var(--color-brand);text-decoration:underline;width:auto;min-height:var(--target-min);padding:var(--space-1);font-weight:400}
input[type=email],input[type=password],input[type=text],input[type=date],input[type=number],input[type=datetime-local],select{display:block;width:100%;max-width:30rem;min-height:var(--target-min);padding:var(--space-2);font:inherit;border:2px solid var(--color-control);border-radius:var(--radius-md);background:var(--color-surface);color:var(--color-ink)}
textarea{display:block;width:100%;min-height:6rem;padding:var(--space-2);font:inherit;border:2px solid var(--color-control);border-radius:var(--radius-md)}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:0 0 var(--space-2)}
th,td{text-align:left;padding:var(--space-2);border-bottom:1px solid var(--color-rule);vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}
.table-scroll{position:relative;overflow-x:auto;margin:0 0 var(--space-4)}
@media(prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
`.trim();

/** The tokens as CSS variables, then the shared rules: the start of every stylesheet. */
export const BASE_CSS = `${tokensCss()}\n${BASE_RULES}`;
