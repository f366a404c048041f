// The one rule for text a spreadsheet might run as a formula, shared by every table writer: the CSV
// writer puts an apostrophe before such text, the XLSX writer marks its cell "quote prefix" (Excel's
// own flag for text typed with a leading apostrophe), so a comment or a label like =HYPERLINK(…)
// stays text in both.

/**
 * Text that needs neutralising: text starting with a control character (NUL, TAB, LF, CR, …:
 * spreadsheets drop or skip them and read what follows), and text whose first visible character,
 * after any spaces or invisible characters, is a formula trigger: = + - @, their full-width forms
 * (＝ ＋ － ＠, which LibreOffice and Excel in East Asian locales read as the ASCII ones), the small
 * forms (﹦ ﹢ ﹣ ﹫) and the minus sign (−).
 */
const FORMULA_START =
  /^(?:[\u0000-\u001f\u007f]|[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212])/u;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
