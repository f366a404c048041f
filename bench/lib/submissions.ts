// What one participant sends: all five core questions answered, so every stored response is
// 1 response row + 5 answer rows, exactly what the raw insert baseline writes.
import { randomUUID } from "node:crypto";
import type { RequestSpec } from "autocannon";
import { seededRandom, intBetween, pick } from "../../src/demo/random";
import type { Question } from "../../src/domain/questions";

/** The core question keys a benchmark submission answers. */
export type CoreKey = "grade" | "usefulness" | "sector" | "good" | "improve";

export interface SubmissionAnswers {
  readonly grade: number;
  readonly usefulness: number;
  readonly sector: string;
  /** 1-based option position: what the app stores as num_value for a choice. */
  readonly sectorPosition: number;
  readonly good: string;
  readonly improve: string;
}

const GOOD = [
  "Hyvät puheenvuorot ja aikaa keskustelulle.",
  "Verkostoituminen muiden alojen johtajien kanssa.",
  "Käytännön esimerkit kunnista.",
];
const IMPROVE = ["Enemmän aikaa ryhmätöille.", "Materiaalit etukäteen.", "Tauot olivat liian lyhyitä."];

/** A seeded source of complete, valid answers for the core question set. */
export function answerSource(questions: readonly Question[], seed = 7): () => SubmissionAnswers {
  const random = seededRandom(seed);
  const sectors = questions.find((q) => q.key === "sector")?.options.map((o) => o.value) ?? [];
  if (sectors.length === 0) throw new Error("the core question set has no sector options");
  return () => {
    const sector = pick(random, sectors);
    return {
      grade: intBetween(random, 6, 10),
      usefulness: intBetween(random, 2, 5),
      sector,
      sectorPosition: sectors.indexOf(sector) + 1,
      good: pick(random, GOOD),
      improve: pick(random, IMPROVE),
    };
  };
}

/** The form the page posts with JavaScript off (application/x-www-form-urlencoded). */
export function formBody(submissionId: string, a: SubmissionAnswers): string {
  return new URLSearchParams({
    submission_id: submissionId,
    lang: "fi",
    grade: String(a.grade),
    usefulness: String(a.usefulness),
    sector: a.sector,
    good: a.good,
    improve: a.improve,
  }).toString();
}

/** An autocannon request that posts a new submission (fresh UUID, fresh answers) every time, each
 *  from its own participant's address (X-Forwarded-For, read by a server with TRUST_PROXY). */
export function submissionRequest(slug: string, answers: () => SubmissionAnswers): RequestSpec {
  const headers = { "content-type": "application/x-www-form-urlencoded", accept: "text/html", "accept-language": "fi" };
  let participant = 0;
  return {
    method: "POST",
    path: `/s/${slug}`,
    headers,
    setupRequest: (request) => {
      participant = (participant + 1) % 65_536;
      return {
        ...request,
        headers: { ...headers, "x-forwarded-for": `10.1.${participant >> 8}.${participant & 255}` },
        body: formBody(randomUUID(), answers()),
      };
    },
  };
}
