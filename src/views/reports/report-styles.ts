// The printable reports' styles (issue 17), joined into the staff stylesheet (admin-styles.ts) so the
// page's style hash covers them. A report is a named page: A4 with the page number and count in its
// foot (CSS page-margin boxes, which Chromium's print and "Save as PDF" fill in), while other staff
// pages (the poster) print without them.
export const REPORT_CSS = `
.report-meta{margin:0 0 .25rem}
.report-head{margin:0 0 1rem}
.report-chart{margin:0 0 1rem}
.report-chart figcaption{font-weight:600;margin:0 0 .25rem}
.report-chart svg{display:block;max-width:44rem;height:auto}
.report-caveats li{margin:0 0 .25rem}
@page report{size:A4 portrait;margin:15mm 15mm 18mm;@bottom-left{content:"Palaute";font-size:9pt}@bottom-right{content:counter(page) " / " counter(pages);font-size:9pt}}
@media print{
.report{page:report;font-size:10pt}
.report h1{font-size:18pt}
.report h2{font-size:13pt;break-after:avoid}
.report .table-scroll{overflow:visible;max-height:none}
.report table{font-size:9pt;width:100%}
.report tr,.report-chart{break-inside:avoid}
}
`;
