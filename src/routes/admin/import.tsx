import type { AppContext } from "../../app-env";
import { t } from "../../domain/i18n";
import { requireNational } from "../../http/access";
import { decodeUtf8, mediaType, readLimitedBody } from "../../http/body";
import { AppError } from "../../http/errors";
import { requestLang } from "../../http/validate";
import { importChoices, importHistory, IMPORT_TEMPLATE } from "../../services/history-import";
import { ImportPage } from "../../views/admin/import-page";
import { adminApp, renderPage } from "../../http/admin-http";

/** A history file: hundreds of days at most, far under this. */
export const IMPORT_BODY_LIMIT = 512 * 1024;

/** The history import for the national team: the page, its template, and the upload. */
export function adminImportRoutes(deps: AppContext) {
  const app = adminApp(deps);

  app.get("/import", async (c) => {
    const principal = requireNational(c);
    const { programmes, regions } = await importChoices(deps);
    return renderPage(
      c,
      <ImportPage lang={requestLang(c)} principal={principal} programmes={programmes} regions={regions} programmeId={null} />,
    );
  });

  app.get("/import/template.csv", (c) => {
    requireNational(c);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", 'attachment; filename="palaute-historia.csv"');
    return c.body(IMPORT_TEMPLATE);
  });

  app.post("/import", async (c) => {
    const principal = requireNational(c);
    const lang = requestLang(c);
    if (mediaType(c.req.raw) !== "multipart/form-data") throw new AppError("unsupported_media_type");
    const bytes = await readLimitedBody(c.req.raw, IMPORT_BODY_LIMIT);
    const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": c.req.header("content-type") ?? "" } })
      .formData()
      .catch(() => {
        throw new AppError("bad_request");
      });
    const { programmes, regions } = await importChoices(deps);
    const programmeText = form.get("programme");
    const programmeId = typeof programmeText === "string" && /^\d{1,9}$/.test(programmeText) ? Number(programmeText) : null;
    // A file part is a Blob in both runtimes (Workers' types say string | null, Node's string | File).
    const file: unknown = form.get("file");
    const dryRun = form.get("mode") !== "import";
    const page = (props: Partial<Parameters<typeof ImportPage>[0]>, status: 200 | 422) =>
      renderPage(
        c,
        <ImportPage lang={lang} principal={principal} programmes={programmes} regions={regions} programmeId={programmeId} {...props} />,
        status,
      );
    if (programmeId === null || !programmes.some((p) => p.id === programmeId)) throw new AppError("validation_failed");
    if (!(file instanceof Blob) || file.size === 0) return page({ formError: t(lang, "import.noFile") }, 422);
    const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    const result = await importHistory(deps, principal, { text, programmeId, dryRun });
    return page({ result, dryRun }, result.errors.length > 0 ? 422 : 200);
  });

  return app;
}
