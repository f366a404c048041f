import type { Lang } from "../domain/lang";
import { intBetween, pick, seededRandom } from "./random";

// LAPE-Akatemia 2019 as far as published reports tell it, plus clearly flagged synthetic days so the
// dashboards have something to show. Published figures are kept as reported results, never turned
// into invented responses.

export const DEMO_PROGRAMME = { name: "LAPE-Akatemia 2019", startsOn: "2019-03-20", endsOn: "2019-12-31" };

export const DEMO_THEMES = [
  { key: "leadership", fi: "Uudenlainen johtaminen", sv: "Ett nytt slags ledarskap", en: "A new kind of leadership" },
  { key: "effectiveness", fi: "Uusi vaikuttavuus", sv: "Ny verkningsfullhet", en: "New effectiveness" },
  { key: "family", fi: "Lapsi- ja perhelähtöisyys", sv: "Barn- och familjeorientering", en: "Child- and family-centred services" },
] as const;

export type DemoThemeKey = (typeof DEMO_THEMES)[number]["key"];

export interface DemoResponse {
  readonly lang: Lang;
  readonly submittedAt: number;
  readonly grade: number;
  readonly usefulness: number | null;
  readonly sector: string | null;
  readonly good: string | null;
  readonly improve: string | null;
}

export interface DemoEvent {
  readonly slug: string;
  readonly regionCode: string | null;
  readonly date: string;
  readonly theme: DemoThemeKey | null;
  readonly title: string;
  readonly location: string;
  /** Swedish and English titles and places where the demo gives them (issue 16 item 5); real
   *  published days keep only their real Finnish title. */
  readonly titleSv?: string;
  readonly titleEn?: string;
  readonly locationSv?: string;
  readonly attendance: number;
  readonly reportedGradeMean: number | null;
  readonly reportedGradeN: number | null;
  /** Where a real published figure comes from; null for synthetic days. */
  readonly reportedSource: string | null;
  /** Synthetic days are demo; days taken from a published report are real and carry their source. */
  readonly isDemo: boolean;
  readonly responses: readonly DemoResponse[];
}

const REGION_TOWNS: Record<string, string> = {
  "01": "Helsinki",
  "02": "Turku",
  "04": "Pori",
  "05": "Hämeenlinna",
  "06": "Tampere",
  "07": "Lahti",
  "08": "Kouvola",
  "09": "Lappeenranta",
  "10": "Mikkeli",
  "11": "Kuopio",
  "12": "Joensuu",
  "13": "Jyväskylä",
  "14": "Seinäjoki",
  "15": "Vaasa",
  "16": "Kokkola",
  "17": "Oulu",
  "18": "Kajaani",
  "19": "Rovaniemi",
};

const BILINGUAL = new Set(["01", "02", "08", "15", "16"]);
/** Swedish names of the bilingual regions' demo towns (Kouvola has none). */
const TOWNS_SV: Record<string, string> = { "01": "Helsingfors", "02": "Åbo", "15": "Vasa", "16": "Karleby" };

const GOOD = {
  fi: [
    "Hyvät puheenvuorot ja aikaa keskustelulle.",
    "Verkostoituminen muiden alojen johtajien kanssa.",
    "Käytännön esimerkit kunnista.",
    "Ryhmätyöt toimivat hyvin.",
  ],
  sv: ["Bra anföranden och tid för diskussion.", "Nätverkande med ledare från andra sektorer.", "Praktiska exempel från kommunerna."],
  en: ["Good talks and time to discuss.", "Meeting leaders from other sectors."],
} as const;

const IMPROVE = {
  fi: ["Enemmän aikaa ryhmätöille.", "Materiaalit etukäteen.", "Tauot olivat liian lyhyitä."],
  sv: ["Mer tid för grupparbete.", "Materialet i förväg."],
  en: ["More time for group work.", "Slides in advance, please."],
} as const;

const SECTORS = ["social_health", "social_health", "education", "education", "municipal", "ngo", "parish", "other"];

/** Every region's days, reproducible from one seed. */
export function buildDemoEvents(seed = 2019): DemoEvent[] {
  const random = seededRandom(seed);
  const events: DemoEvent[] = [
    {
      slug: "demo-national-2019-03-20",
      regionCode: null,
      date: "2019-03-20",
      theme: null,
      title: "LAPE-Akatemian valtakunnallinen aloitus",
      titleSv: "LAPE-Akademins nationella start",
      titleEn: "LAPE Academy national kick-off",
      location: "Helsinki",
      locationSv: "Helsingfors",
      attendance: 212,
      reportedGradeMean: null,
      reportedGradeN: null,
      reportedSource: null,
      isDemo: true,
      responses: synthesize(random, "2019-03-20", 120, 8.3, false),
    },
    // Published: Keski-Pohjanmaa, 4 Sept 2019 and 6 Nov 2019 (number of respondents not published).
    publishedEvent(
      "16",
      "2019-09-04",
      "leadership",
      47,
      8.5,
      "LAPE-Akatemia 2019, Keski-Pohjanmaa: julkaistu raportti akatemiapäivästä 4.9.2019 (47 osallistujaa, keskiarvo 8,5)",
    ),
    publishedEvent(
      "16",
      "2019-11-06",
      "effectiveness",
      59,
      8.0,
      "LAPE-Akatemia 2019, Keski-Pohjanmaa: julkaistu raportti akatemiapäivästä 6.11.2019 (59 osallistujaa, keskiarvo 8,0)",
    ),
  ];
  const regions = Object.keys(REGION_TOWNS).filter((code) => code !== "16");
  for (const code of regions) {
    // Pohjanmaa's first regional day is known to have been on 9 May 2019.
    const dates =
      code === "15" ? ["2019-05-09", "2019-09-26", "2019-11-21"] : [springDate(random), autumnDate(random, 9), autumnDate(random, 11)];
    DEMO_THEMES.forEach((theme, index) => {
      const date = dates[index]!;
      const attendance = intBetween(random, 28, 85);
      const respondents = Math.max(2, Math.round(attendance * (0.35 + random() * 0.45)));
      events.push({
        slug: `demo-${code}-${date}`,
        regionCode: code,
        date,
        theme: theme.key,
        title: `LAPE-Akatemia: ${theme.fi}`,
        location: REGION_TOWNS[code]!,
        // Bilingual regions' demo days in Swedish too, and one theme's days in English as well.
        ...(BILINGUAL.has(code) && { titleSv: `LAPE-Akademin: ${theme.sv}` }),
        ...(TOWNS_SV[code] && { locationSv: TOWNS_SV[code] }),
        ...(theme.key === "family" && { titleEn: `LAPE Academy: ${theme.en}` }),
        attendance,
        reportedGradeMean: null,
        reportedGradeN: null,
        reportedSource: null,
        isDemo: true,
        responses: synthesize(random, date, respondents, 7.4 + random() * 1.4, BILINGUAL.has(code)),
      });
    });
  }
  return events;
}

/** A real day from the published LAPE-Akatemia reports (the same text as migrations/0008 uses). */
function publishedEvent(
  regionCode: string,
  date: string,
  theme: DemoThemeKey,
  attendance: number,
  mean: number,
  source: string,
): DemoEvent {
  const themeFi = DEMO_THEMES.find((t) => t.key === theme)!.fi;
  return {
    slug: `demo-${regionCode}-${date}`,
    regionCode,
    date,
    theme,
    title: `LAPE-Akatemia: ${themeFi}`,
    location: REGION_TOWNS[regionCode]!,
    attendance,
    reportedGradeMean: mean,
    reportedGradeN: null,
    reportedSource: source,
    isDemo: false,
    responses: [],
  };
}

function springDate(random: () => number): string {
  return `2019-${pad(intBetween(random, 4, 5))}-${pad(intBetween(random, 2, 28))}`;
}

function autumnDate(random: () => number, month: number): string {
  return `2019-${pad(month)}-${pad(intBetween(random, 2, 28))}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function synthesize(random: () => number, date: string, count: number, centre: number, bilingual: boolean): DemoResponse[] {
  // Answers arrive in the hour after the day ends (16:00 Helsinki time is 13:00 UTC in summer time).
  const end = Date.parse(`${date}T13:00:00Z`);
  return Array.from({ length: count }, () => {
    const lang: Lang = bilingual && random() < 0.3 ? "sv" : random() < 0.04 ? "en" : "fi";
    const grade = clamp(Math.round(centre + (random() + random() + random() - 1.5) * 1.6), 4, 10);
    return {
      lang,
      submittedAt: end + Math.floor(random() * 3_600_000),
      grade,
      usefulness: random() < 0.9 ? clamp(Math.round(grade / 2 - 0.5 + (random() - 0.5) * 1.5), 1, 5) : null,
      sector: random() < 0.85 ? pick(random, SECTORS) : null,
      good: random() < 0.4 ? pick(random, GOOD[lang]) : null,
      improve: random() < 0.3 ? pick(random, IMPROVE[lang]) : null,
    };
  });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
