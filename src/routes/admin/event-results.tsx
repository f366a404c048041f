import type { AppContext } from "../../app-env";
import { readableEvent } from "../../http/access";
import { idParam, requestLang } from "../../http/validate";
import { allRegions } from "../../services/regions";
import { eventResults } from "../../services/event-results";
import { EventResultsPage } from "../../views/admin/event-results-page";
import { adminApp, renderPage } from "../../http/admin-http";

/** A results page for every day (national days included): anyone who may read the day. */
export function adminEventResultsRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/events/:id/results", async (c) => {
    const { principal, event } = await readableEvent(deps, c, idParam(c));
    const [regions, results] = await Promise.all([allRegions(deps), eventResults(deps, principal, event)]);
    return renderPage(
      c,
      <EventResultsPage
        lang={requestLang(c)}
        principal={principal}
        event={event}
        regions={regions}
        results={results}
        generatedAt={deps.now()}
      />,
    );
  });

  return app;
}
