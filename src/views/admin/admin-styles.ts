// Styles only staff pages use (admin forms, tables, the printable poster), kept out of PAGE_CSS so
// a participant's phone on venue wifi never downloads them. Inline like PAGE_CSS and allowed by
// its own CSP hash (see ../csp.ts); no style attributes anywhere.
export const ADMIN_CSS = `
h2{font-size:1.25rem;margin:0 0 .75rem}
h3{font-size:1.0625rem;margin:1.25rem 0 .5rem}
.nowrap{white-space:nowrap}
main>section{border-top:1px solid #c8c8c8;margin-top:1.5rem;padding-top:1rem}
.optional{font-weight:400}
.back{display:inline-block;padding:.5rem 0;margin:0 0 .25rem}
.check{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;margin:0 0 1rem}
.check input{width:1.5rem;height:1.5rem;margin:0;flex:none}
.check label{min-height:44px;display:flex;align-items:center}
.check .hint{flex-basis:100%}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:0 1rem}
.checks .check{margin:0}
fieldset.group{border:1px solid #c8c8c8;border-radius:.375rem;padding:.75rem 1rem;margin:0 0 1.5rem}
.grade-counts{display:flex;flex-wrap:wrap;gap:0 .75rem}
.grade-counts .field{margin:0 0 .5rem}
.grade-counts input{width:5rem}
.warning{background:#fff3c4;color:#4d3d00;border-left:4px solid #8a6d00;padding:.5rem .75rem}
.table-scroll{overflow-x:auto;margin:0 0 1rem}
caption{text-align:left;font-weight:600;padding:0 0 .5rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.facts dt{font-weight:600}
.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.state{display:inline-block;border-radius:.25rem;padding:0 .4rem;border:1px solid;white-space:nowrap}
.state-open{background:#eef7f0;color:#14561f;border-color:#1b7a2e}
.state-not_open{background:#fff3c4;color:#4d3d00;border-color:#8a6d00}
.state-closed{background:#eceef1;color:#333;border-color:#5a5a5a}
.qr{display:block;width:12rem;height:12rem;border:1px solid #c8c8c8;margin:0 0 1rem}
.copy{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
.url{overflow-wrap:anywhere}
details{margin:0 0 1rem}
summary{cursor:pointer;color:#0a4fa6;text-decoration:underline;min-height:44px;display:flex;align-items:center}
summary:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
details[open]>summary{margin-bottom:.75rem}
button.secondary{background:#fff;color:#0a4fa6;border:2px solid #0a4fa6}
button:disabled{background:#e0e0e0;color:#4a4a4a;border-color:#8a8a8a;cursor:not-allowed}
select:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
.questions{padding-left:1.25rem}
.questions li{margin:0 0 .75rem}
.questions form{margin:.25rem 0 0}
.pager{margin:1rem 0}
.poster{text-align:center}
.poster h1{font-size:2rem;margin:0 0 .25rem}
.poster .when{font-size:1.25rem;margin:0 0 1.5rem}
.poster .call{font-size:1.5rem;font-weight:700;margin:0 0 .25rem}
.poster .call-2{font-size:1.25rem;font-weight:600;color:#333;margin:0 0 1rem}
.poster-qr{margin:0 auto 1rem;max-width:24rem}
.poster-qr svg{display:block;width:100%;height:auto}
.poster .code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:2.5rem;font-weight:700;letter-spacing:.2em;margin:0 0 1.5rem}
.poster .short{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:1.5rem;font-weight:700;overflow-wrap:anywhere;margin:0 0 1.5rem}
.poster .small{color:#333;margin:0}
.print-note{text-align:left;border-left:4px solid #0a4fa6;background:#eef3fa;padding:.5rem .75rem;margin:0 0 1.5rem}
@page{size:A4 portrait;margin:15mm}
@media print{
body{background:#fff;color:#000}
header,.staff,footer,.skip,.no-print{display:none!important}
main{box-shadow:none;border-radius:0;max-width:none;padding:0}
.poster h1{font-size:30pt}
.poster .when{font-size:16pt}
.poster .call{font-size:22pt}
.poster .call-2{font-size:18pt;color:#000}
.poster-qr{width:100mm;max-width:100%}
.poster .short{font-size:20pt}
.poster .small{font-size:12pt;color:#000}
}
`.trim();
