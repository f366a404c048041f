/** Sign-ins for trying Palaute with the demo data. Flagged demo in the database; `npm start` prints
 *  them only while they exist. Never use these outside a local demo. */
export const DEMO_USERS = [
  {
    email: "kansallinen@palaute.example",
    password: "demo-kansallinen-2019",
    name: "Kansallinen tiimi (demo)",
    /** Who the sign-in is, as `npm start` prints it (English, like the rest of its output). */
    startLine: "national team",
    role: "national",
    regions: [],
  },
  {
    email: "agentti.kp@palaute.example",
    password: "demo-agentti-2019",
    name: "Muutosagentti, Keski-Pohjanmaa (demo)",
    startLine: "agent for Keski-Pohjanmaa",
    role: "agent",
    regions: ["16"],
  },
  {
    email: "kunta-agentti@palaute.example",
    password: "demo-kunta-agentti-2019",
    name: "Kunta-agentti, Esimerkkialue Keski (demo)",
    startLine: "municipal agent for the demo area Esimerkkialue Keski",
    role: "municipal",
    regions: [],
    /** Reads the regions of this demo area (src/demo/demo-areas.ts). */
    area: "central",
  },
] as const;
