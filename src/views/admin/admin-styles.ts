// Styles only staff pages use (admin forms, tables, the printable poster), kept out of PAGE_CSS so
// a participant's phone on venue wifi never downloads them. Inline like PAGE_CSS and allowed by
// its own CSP hash (see ../csp.ts); no style attributes anywhere. It comes after PAGE_CSS, whose
// tokens (../design-tokens.ts) and shared base (../base-css.ts) it builds on: colours only as var(--…).
import { REPORT_CSS } from "../reports/report-styles";
export const ADMIN_CSS = `
.nowrap{white-space:nowrap}
main>section{border-top:1px solid var(--color-rule);margin-top:1.5rem;padding-top:1rem}
.optional{font-weight:400}
.back{display:inline-block;padding:.5rem 0;margin:0 0 .25rem}
.questions a.edit{display:inline-block;padding:.5rem 0;margin:0 1rem 0 0}
.check{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;margin:0 0 1rem}
.check input{width:1.5rem;height:1.5rem;margin:0;flex:none}
.check label{min-height:44px;display:flex;align-items:center}
.check .hint{flex-basis:100%}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:0 1rem}
.checks .check{margin:0}
fieldset.group{border:1px solid var(--color-rule);border-radius:.375rem;padding:.75rem 1rem;margin:0 0 1.5rem}
.grade-counts{display:flex;flex-wrap:wrap;gap:0 .75rem}
.grade-counts .field{margin:0 0 .5rem}
.grade-counts input{width:5rem}
.warning{background:var(--color-notice-pale);color:var(--color-notice-text);border-left:4px solid var(--color-notice-border);padding:.5rem .75rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.facts dt{font-weight:600}
.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.state{display:inline-block;border-radius:.25rem;padding:0 .4rem;border:1px solid;white-space:nowrap}
.state-open{background:var(--color-success-pale);color:var(--color-success-text);border-color:var(--color-success)}
.state-not_open{background:var(--color-notice-pale);color:var(--color-notice-text);border-color:var(--color-notice-border)}
.state-closed{background:var(--color-neutral-pale);color:var(--color-ink-soft);border-color:var(--color-control)}
.state-archived{background:var(--color-neutral-pale);color:var(--color-ink-soft);border-color:var(--color-control)}
.list-filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:0 1rem}
.list-filters h2,.list-filters .actions{grid-column:1/-1}
.list-filters .field{margin-bottom:.75rem}
.qr{display:block;width:12rem;height:12rem;border:1px solid var(--color-rule);margin:0 0 1rem}
.copy{font-family:var(--font-mono)}
.url{overflow-wrap:anywhere}
details{margin:0 0 1rem}
summary{cursor:pointer;color:var(--color-brand);text-decoration:underline;min-height:var(--target-min);display:flex;align-items:center}
details[open]>summary{margin-bottom:.75rem}
button:disabled{background:var(--color-disabled);color:var(--color-ink-muted);border-color:var(--color-rule-strong);cursor:not-allowed}
.questions{padding-left:1.25rem}
.questions li{margin:0 0 .75rem}
.questions form{margin:.25rem 0 0}
.pager{margin:1rem 0}
.audit-details{margin:.25rem 0;padding-left:1rem}
.audit-raw{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.875rem;margin:0}
.poster{text-align:center}
.poster h1{font-size:2rem;margin:0 0 .25rem}
.poster .when{font-size:1.25rem;margin:0 0 1.5rem}
.poster .call{font-size:1.5rem;font-weight:700;margin:0 0 .25rem}
.poster .call-2{font-size:1.25rem;font-weight:600;color:var(--color-ink-soft);margin:0 0 1rem}
.poster-qr{margin:0 auto 1rem;max-width:24rem}
.poster-qr svg{display:block;width:100%;height:auto}
.poster .code{font-family:var(--font-mono);font-size:2.5rem;font-weight:700;letter-spacing:.2em;margin:0 0 1.5rem}
.poster .short{font-family:var(--font-mono);font-size:1.5rem;font-weight:700;overflow-wrap:anywhere;margin:0 0 1.5rem}
.poster .small{color:var(--color-ink-soft);margin:0}
.print-note{text-align:left;border-left:4px solid var(--color-brand);background:var(--color-brand-pale);padding:.5rem .75rem;margin:0 0 1.5rem}
@page{size:A4 portrait;margin:15mm}
@media print{
body{background:var(--color-surface);color:var(--color-ink)}
header,.staff,footer,.skip,.no-print{display:none!important}
main{box-shadow:none;border-radius:0;max-width:none;padding:0}
.poster h1{font-size:30pt}
.poster .when{font-size:16pt}
.poster .call{font-size:22pt}
.poster .call-2{font-size:18pt;color:var(--color-ink)}
.poster-qr{width:100mm;max-width:100%}
.poster .short{font-size:20pt}
.poster .small{font-size:12pt;color:var(--color-ink)}
}
${REPORT_CSS}
`.trim();
