// Example cooperation areas for the demo data only. The grouping is made up here so that the area
// views have something to show; it is NOT the programme's real grouping (none is seeded as fact
// without a cited source), and every area is flagged demo, so its name carries the demo label.
export const DEMO_AREAS = [
  {
    key: "south",
    fi: "Esimerkkialue Etelä",
    sv: "Exempelområde Syd",
    en: "Example area South",
    regions: ["01", "02", "05", "07", "08", "09"],
  },
  { key: "west", fi: "Esimerkkialue Länsi", sv: "Exempelområde Väst", en: "Example area West", regions: ["04", "06", "14"] },
  { key: "east", fi: "Esimerkkialue Itä", sv: "Exempelområde Öst", en: "Example area East", regions: ["10", "11", "12"] },
  { key: "central", fi: "Esimerkkialue Keski", sv: "Exempelområde Mellersta", en: "Example area Central", regions: ["13", "15", "16"] },
  { key: "north", fi: "Esimerkkialue Pohjoinen", sv: "Exempelområde Norr", en: "Example area North", regions: ["17", "18", "19"] },
] as const;

export type DemoAreaKey = (typeof DEMO_AREAS)[number]["key"];
