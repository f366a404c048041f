// Inline stylesheet for the server-rendered pages: one request on venue wifi, allowed by a CSP hash
// (see csp.ts), no 'unsafe-inline'. Mobile first; touch targets at least 44 px; focus always visible.
// scroll-margin-top on controls: an error summary's link jumps to a question's first control, and
// the question's text and its error above it must stay on screen, not scroll away over the top.
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#f6f7f9}
a{color:#0a4fa6}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,[tabindex]:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
header,main,footer{max-width:40rem;margin:0 auto;padding:1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.brand{font-weight:700;font-size:1.125rem}
.langs{display:flex;gap:.25rem;list-style:none;margin:0;padding:0}
.langs a{display:inline-block;min-width:44px;min-height:44px;padding:.6rem .5rem;text-align:center;border-radius:.375rem}
.langs a[aria-current]{font-weight:700;background:#e3ebf7;text-decoration:none}
main{background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .5rem}
.meta{color:#4a4a4a;margin:0 0 1rem}
.badge{display:inline-block;background:#fff3c4;border:1px solid #8a6d00;color:#4d3d00;border-radius:.25rem;padding:0 .4rem;font-size:.875rem}
fieldset{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
legend,.label{font-weight:600;font-size:1.0625rem;padding:0;margin-bottom:.25rem;display:block}
.hint{color:#4a4a4a;font-size:.9375rem;margin:0 0 .5rem}
.scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(2.5rem,1fr));gap:.375rem;max-width:30rem}
.scale label{position:relative}
.scale input{position:absolute;opacity:0;width:100%;height:100%;left:0;top:0;margin:0;cursor:pointer}
.scale span{display:flex;align-items:center;justify-content:center;min-height:48px;padding:0 .25rem;border:2px solid #5a5a5a;border-radius:.5rem;font-weight:600;background:#fff}
.scale input:checked+span{background:#0a4fa6;border-color:#0a4fa6;color:#fff}
.scale input:focus-visible+span{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
.choices{display:grid;gap:.25rem}
.choices label{display:flex;gap:.75rem;align-items:center;min-height:44px;padding:.25rem 0}
.choices input{width:1.5rem;height:1.5rem;margin:0;flex:none}
input,select,textarea{scroll-margin-top:min(10rem,40vh)}
textarea{display:block;width:100%;min-height:6rem;padding:.5rem;font:inherit;border:2px solid #5a5a5a;border-radius:.375rem}
.field{margin:0 0 1.5rem}
.invalid{border-left:4px solid #b00020;padding-left:.75rem}
.invalid .scale{grid-template-columns:repeat(auto-fit,minmax(2.25rem,1fr));gap:.25rem}
.error{color:#b00020;font-weight:600;margin:0 0 .5rem}
input.code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:1.75rem;letter-spacing:.2em;text-transform:uppercase;max-width:14rem}
.test-mode{border:4px dashed #5a3c00;background:#fff4d6;color:#1a1a1a;padding:.75rem 1rem;margin:0 0 1.5rem;border-radius:.375rem}
.test-mode p{margin:.25rem 0}
.summary{border:4px solid #b00020;padding:1rem;margin:0 0 1.5rem;border-radius:.375rem}
.summary h2{font-size:1.25rem;margin:0 0 .5rem}
.summary ul{margin:0;padding-left:1.25rem}
.summary a{color:#b00020;font-weight:600}
button{font:inherit;font-weight:700;min-height:48px;padding:.75rem 1.5rem;border:0;border-radius:.5rem;background:#0a4fa6;color:#fff;cursor:pointer;width:100%}
@media(min-width:30rem){button{width:auto}}
.req{color:#b00020}
.pre{white-space:pre-wrap}
footer{font-size:.875rem;color:#4a4a4a}
.staff{max-width:60rem;margin:0 auto;padding:0 1rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
.staff ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.staff a{display:inline-block;padding:.5rem 0}
button.link{background:none;color:#0a4fa6;text-decoration:underline;width:auto;min-height:44px;padding:.25rem;font-weight:400}
input[type=email],input[type=password],input[type=text],input[type=date],input[type=number],input[type=datetime-local],select{display:block;width:100%;max-width:30rem;min-height:44px;padding:.5rem;font:inherit;border:2px solid #5a5a5a;border-radius:.375rem;background:#fff}
.wide header,.wide main,.wide footer{max-width:60rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #c8c8c8;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
.actions form{margin:0}
.ok{border-left:4px solid #1b7a2e;padding:.5rem .75rem;background:#eef7f0;margin:0 0 1rem}
@media(prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
@media(forced-colors:active){.scale input:checked+span{border:4px double}}
`.trim();
