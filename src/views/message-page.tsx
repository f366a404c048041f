import type { Child } from "hono/jsx";
import type { Lang } from "../domain/lang";
import type { PublicSurvey } from "../queries/survey-by-slug";
import { Layout } from "./layout";
import { DayTitle } from "./event-heading";

export interface MessagePageProps {
  readonly lang: Lang;
  readonly title: string;
  readonly body: string;
  readonly survey?: PublicSurvey;
  readonly langHref?: (lang: Lang) => string;
  readonly children?: Child;
}

/** Thank-you, closed, not-yet-open and not-found pages: a heading, a sentence, nothing to get lost in. */
export function MessagePage({ lang, title, body, survey, langHref, children }: MessagePageProps) {
  return (
    <Layout lang={lang} title={title} langHref={langHref}>
      {survey && (
        <p class="meta">
          <DayTitle day={survey.event} lang={lang} />
        </p>
      )}
      <h1>{title}</h1>
      <p>{body}</p>
      {children}
    </Layout>
  );
}
