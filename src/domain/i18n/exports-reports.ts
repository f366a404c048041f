// Texts of the XLSX notes sheet and the printable reports (issue 17), spread into each dictionary
// (fi.ts, sv.ts, en.ts) in one line, so the three stay in step: sv and en must have every key.

export const exportsReportsFi = {
  "export.notes.title": "Huomiot",
  "export.notes.exported": "Palaute: {title}. Tiedot haettu {when}.",
  "export.notes.filters": "Rajaukset: {filters}.",
  "export.notes.noFilters": "ei rajauksia (kaikki alueet, joiden tiedot sinulla on oikeus nähdä)",
  "export.filter.region": "alue {name}",
  "export.filter.regions": "alueet {names}",
  "export.filter.period": "aikaväli {from}–{to}",
  "export.filter.theme": "teema nro {id}",
  "export.filter.programme": "ohjelma nro {id}",
  "export.filter.event": "päivä nro {id}",
  "export.filter.interval": "jakso: {interval}",
  "export.caveat.source":
    "Lähde: ”vastaukset” ovat Palautteeseen kerättyjä vastauksia; ”vastaukset poistettu, luvut säilytetty” tarkoittaa säilytysajan jälkeen poistettuja vastauksia, joiden luvut on säilytetty; ”julkaistu tulos” on muualla julkaistu luku, jolle ei ole hajontaa, luottamusväliä eikä jakaumaa, ellei niitä julkaistu; julkaistu tulos on lopullinen, eikä kerättyjä vastauksia yhdistetä siihen.",
  "export.caveat.suppression":
    "Alle {min} vastauksen taustaryhmät ja avoimet vastaukset on piilotettu, jotta vastaajia ei voi tunnistaa; piilotettu luku pysyy piilossa kaikilla rajauksilla.",
  "export.caveat.leftOut":
    "Päivät, joilta on julkaistu vain keskiarvo ilman vastaajamäärää, eivät ole mukana yhdistetyissä keskiarvoissa. Päivät, joiden kysely ei ole vielä ollut auki, eivät ole mukana vastausprosenteissa; yli 100 %:n vastausprosentit merkitään eikä niitä yhdistetä.",
  "export.caveat.dayUnit":
    "Yhdistettyjen lukujen epävarmuus lasketaan päivittäin (k = päivien määrä), koska saman päivän vastaukset eivät ole toisistaan riippumattomia; n on vastaajien määrä.",
  "export.caveat.demo": "Esimerkkiaineistoksi merkityt rivit ovat esittelyä varten, eivät todellisia tuloksia.",
  "export.caveat.numbers": "Luvut ovat lukusoluja; näytettävien desimaalien määrä on vain muotoilua.",
  "dash.xlsx.download": "Lataa {what} Excel-tiedostona",
  "dash.xlsx.format": "XLSX, luvut lukuina, huomiot omalla välilehdellä",
} as const;

type ExportsReportsTexts = { readonly [K in keyof typeof exportsReportsFi]: string };

export const exportsReportsSv: ExportsReportsTexts = {
  "export.notes.title": "Anmärkningar",
  "export.notes.exported": "Palaute: {title}. Uppgifterna hämtade {when}.",
  "export.notes.filters": "Avgränsningar: {filters}.",
  "export.notes.noFilters": "inga avgränsningar (alla landskap vars uppgifter du har rätt att se)",
  "export.filter.region": "landskap {name}",
  "export.filter.regions": "landskap {names}",
  "export.filter.period": "period {from}–{to}",
  "export.filter.theme": "tema nr {id}",
  "export.filter.programme": "program nr {id}",
  "export.filter.event": "dag nr {id}",
  "export.filter.interval": "period: {interval}",
  "export.caveat.source":
    "Källa: ”svar” är svar som samlats in i Palaute; ”svaren raderade, siffrorna kvar” betyder svar som raderats efter lagringstiden men vars siffror sparats; ”publicerat resultat” är ett tal som publicerats på annat håll, utan spridning, konfidensintervall eller fördelning om de inte publicerades; ett publicerat resultat är slutgiltigt och insamlade svar slås inte ihop med det.",
  "export.caveat.suppression":
    "Bakgrundsgrupper och öppna svar med färre än {min} svar visas inte, så att ingen svarande kan identifieras; ett dolt tal förblir dolt med alla avgränsningar.",
  "export.caveat.leftOut":
    "Dagar med endast ett publicerat medelvärde utan antal svarande ingår inte i sammanslagna medelvärden. Dagar vars enkät ännu inte varit öppen ingår inte i svarsfrekvenserna; svarsfrekvenser över 100 % markeras och slås inte ihop.",
  "export.caveat.dayUnit":
    "Osäkerheten i sammanslagna tal beräknas per dag (k = antal dagar), eftersom svaren från samma dag inte är oberoende av varandra; n är antalet svarande.",
  "export.caveat.demo": "Rader som markerats som exempeldata är till för demonstration, inte verkliga resultat.",
  "export.caveat.numbers": "Talen är talceller; antalet decimaler som visas är bara formatering.",
  "dash.xlsx.download": "Ladda ner {what} som Excel-fil",
  "dash.xlsx.format": "XLSX, tal som tal, anmärkningar på en egen flik",
};

export const exportsReportsEn: ExportsReportsTexts = {
  "export.notes.title": "Notes",
  "export.notes.exported": "Palaute: {title}. Data retrieved {when}.",
  "export.notes.filters": "Filters: {filters}.",
  "export.notes.noFilters": "none (all regions you may read)",
  "export.filter.region": "region {name}",
  "export.filter.regions": "regions {names}",
  "export.filter.period": "period {from}–{to}",
  "export.filter.theme": "theme no. {id}",
  "export.filter.programme": "programme no. {id}",
  "export.filter.event": "day no. {id}",
  "export.filter.interval": "interval: {interval}",
  "export.caveat.source":
    "Source: “responses” are answers collected in Palaute; “answers deleted, figures kept” means answers deleted after the retention period whose figures were kept; “published result” is a figure published elsewhere, with no SD, confidence interval or distribution unless those were published; a published result is final and collected answers are never merged into it.",
  "export.caveat.suppression":
    "Background groups and open comments with fewer than {min} answers are not shown, so that no respondent can be identified; a hidden figure stays hidden under every filter.",
  "export.caveat.leftOut":
    "Days with only a published mean and no known number of respondents are left out of pooled means. Days whose survey has not yet run are left out of response rates; rates above 100% are flagged and not pooled.",
  "export.caveat.dayUnit":
    "The uncertainty of pooled figures is computed per day (k = number of days), because answers from the same day are not independent; n is the number of respondents.",
  "export.caveat.demo": "Rows marked as demo data are for demonstration, not real results.",
  "export.caveat.numbers": "Numbers are number cells; the decimals shown are formatting only.",
  "dash.xlsx.download": "Download {what} as an Excel file",
  "dash.xlsx.format": "XLSX, numbers as numbers, notes on their own sheet",
};
