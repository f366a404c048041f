import type { DayTextColumns } from "../../domain/day-texts";
import { DayTitle } from "../event-heading";
import type { CommentCategoryJson, CommentExplorerResponse, ExplorerComment } from "../../api-types";
import { canWrite, isNational, type Principal } from "../../auth/authorize";
import { formatNumber, t } from "../../domain/i18n";
import { GRADE_BANDS } from "../../domain/grade-band";
import { LANG_NAMES, LANGS, type Lang } from "../../domain/lang";
import { localisedName, type NameColumns } from "../../domain/localised-name";
import type { ExplorerSelection } from "../../services/comment-explorer";
import { AdminPage } from "./admin-page";
import { SelectField, TextField, type Choice } from "./fields";
import { regionName, shortDate, type RegionNames } from "./names";

// The comment explorer as a staff page: a GET form of the selection (works without JavaScript, the
// selection lives in the URL), then the comments with their categories, the most used terms and
// phrases, the terms that tell two groups apart, and the counts per category.

/** How many comments the page lists at most; the download holds them all. */
export const PAGE_COMMENT_LIMIT = 200;

export interface ExplorerChoices {
  readonly regions: readonly RegionNames[];
  readonly programmes: readonly { readonly id: number; readonly name: string }[];
  readonly themes: readonly (NameColumns & { readonly id: number; readonly programmeId: number })[];
  /** The day of an event filter, named. */
  readonly day: (DayTextColumns & { readonly id: number; readonly date: string }) | null;
}

export interface CommentExplorerPageProps {
  readonly lang: Lang;
  readonly principal: Principal;
  readonly selection: ExplorerSelection;
  readonly figures: CommentExplorerResponse;
  readonly categories: readonly CommentCategoryJson[];
  readonly choices: ExplorerChoices;
  readonly done: string | null;
}

/** The selection as query parameters (in the page's language), for links, downloads and redirects. */
export function selectionParams(selection: ExplorerSelection): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(selection)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}

export function explorerHref(lang: Lang, selection: ExplorerSelection): string {
  const params = selectionParams(selection);
  params.set("lang", lang);
  return `/admin/comments?${params.toString()}`;
}

export function CommentExplorerPage({ lang, principal, selection, figures, categories, choices, done }: CommentExplorerPageProps) {
  const title = t(lang, "explorer.title");
  const listed = figures.comments.items.slice(0, PAGE_COMMENT_LIMIT);
  const exportQuery = (() => {
    const params = selectionParams(selection);
    params.set("lang", lang);
    return params.toString();
  })();
  return (
    <AdminPage
      lang={lang}
      principal={principal}
      title={title}
      menuPage="comments"
      done={done}
      langHref={(code) => explorerHref(code, selection)}
    >
      <h1>{title}</h1>
      <p class="hint">{t(lang, "explorer.intro", { k: figures.minCell })}</p>
      <SelectionForm lang={lang} selection={selection} choices={choices} />

      <section aria-labelledby="explorer-comments">
        <h2 id="explorer-comments">
          {t(lang, "explorer.comments")}
          {figures.comments.n !== null ? ` (n = ${figures.comments.n})` : ""}
        </h2>
        {figures.comments.withheldLists > 0 ? (
          <p class="hint">{t(lang, "explorer.note.withheld", { n: figures.comments.withheldLists })}</p>
        ) : null}
        {figures.comments.suppressed ? (
          <p>{t(lang, "explorer.fewerComments", { k: figures.minCell })}</p>
        ) : (
          <>
            {figures.comments.items.length > listed.length ? (
              <p class="hint">{t(lang, "explorer.firstOnly", { shown: listed.length, n: figures.comments.items.length })}</p>
            ) : null}
            <ul class="explorer-comments">
              {listed.map((comment, i) => (
                <CommentItem lang={lang} principal={principal} comment={comment} index={i} categories={categories} selection={selection} />
              ))}
            </ul>
          </>
        )}
        <p>
          <a href={`/api/export/comment-selection.csv?${exportQuery}`}>{t(lang, "explorer.downloadComments")}</a>
          {" · "}
          <a href={`/api/export/comment-categories.csv?${exportQuery}`}>{t(lang, "explorer.downloadCategories")}</a>
        </p>
      </section>

      <TermTable lang={lang} id="explorer-terms" heading={t(lang, "explorer.terms")} terms={figures.terms} k={figures.minCell} />
      <TermTable lang={lang} id="explorer-phrases" heading={t(lang, "explorer.phrases")} terms={figures.phrases} k={figures.minCell} />
      {figures.contrast ? <ContrastTable lang={lang} contrast={figures.contrast} k={figures.minCell} /> : null}

      <section aria-labelledby="explorer-categories">
        <h2 id="explorer-categories">{t(lang, "explorer.categories")}</h2>
        {figures.categories.length === 0 ? (
          <p>{t(lang, "explorer.noCategories")}</p>
        ) : (
          <CommentCountTable
            lang={lang}
            caption={t(lang, "explorer.categoryCounts")}
            labelHeading={t(lang, "explorer.category")}
            rows={figures.categories.map((category) => ({
              label: category.name[lang],
              count: category.n === null ? t(lang, "explorer.fewerThanK", { k: figures.minCell }) : formatNumber(lang, category.n),
            }))}
          />
        )}
        {isNational(principal) ? <NewCategoryForm lang={lang} selection={selection} /> : null}
      </section>
    </AdminPage>
  );
}

function SelectionForm({ lang, selection, choices }: { lang: Lang; selection: ExplorerSelection; choices: ExplorerChoices }) {
  const any: Choice = { value: "", label: t(lang, "admin.days.all") };
  const text = (value: string | number | undefined) => (value === undefined ? "" : String(value));
  const themeGroups = choices.programmes
    .map((p) => ({
      group: p.name,
      choices: choices.themes
        .filter((th) => th.programmeId === p.id)
        .map((th) => ({ value: String(th.id), label: localisedName(th, lang) })),
    }))
    .filter((g) => g.choices.length > 0);
  return (
    <form method="get" action="/admin/comments" class="list-filters" aria-labelledby="explorer-selection">
      <h2 id="explorer-selection">{t(lang, "explorer.selection")}</h2>
      <input type="hidden" name="lang" value={lang} />
      {choices.day ? (
        <p>
          <input type="hidden" name="event" value={String(choices.day.id)} />
          {t(lang, "explorer.day")}: <DayTitle day={choices.day} lang={lang} /> ({shortDate(lang, choices.day.date)}){" "}
          <a href={explorerHref(lang, { ...selection, event: undefined })}>{t(lang, "explorer.allDays")}</a>
        </p>
      ) : null}
      <TextField
        lang={lang}
        id="explorer-q"
        name="q"
        label={t(lang, "explorer.search")}
        hint={t(lang, "explorer.searchHint")}
        value={text(selection.q)}
        maxlength={100}
      />
      <SelectField
        lang={lang}
        id="explorer-programme"
        name="programme"
        label={t(lang, "admin.event.programme")}
        value={text(selection.programme)}
        choices={[any, ...choices.programmes.map((p) => ({ value: String(p.id), label: p.name }))]}
      />
      <SelectField
        lang={lang}
        id="explorer-region"
        name="region"
        label={t(lang, "admin.event.region")}
        value={text(selection.region)}
        choices={[any, ...choices.regions.map((r) => ({ value: r.code, label: regionName(lang, choices.regions, r.code) }))]}
      />
      <SelectField
        lang={lang}
        id="explorer-theme"
        name="theme"
        label={t(lang, "admin.event.theme")}
        value={text(selection.theme)}
        choices={[any, ...themeGroups]}
      />
      <TextField lang={lang} id="explorer-from" name="from" type="date" label={t(lang, "admin.days.from")} value={text(selection.from)} />
      <TextField lang={lang} id="explorer-to" name="to" type="date" label={t(lang, "admin.days.to")} value={text(selection.to)} />
      <SelectField
        lang={lang}
        id="explorer-language"
        name="language"
        label={t(lang, "explorer.language")}
        value={text(selection.language)}
        choices={[any, ...LANGS.map((code) => ({ value: code, label: LANG_NAMES[code] }))]}
      />
      <SelectField
        lang={lang}
        id="explorer-band"
        name="band"
        label={t(lang, "explorer.band")}
        value={text(selection.band)}
        choices={[any, ...GRADE_BANDS.map((band) => ({ value: band, label: band.replace("-", "–") }))]}
      />
      <SelectField
        lang={lang}
        id="explorer-question"
        name="question"
        label={t(lang, "csv.question")}
        value={text(selection.question)}
        choices={[
          any,
          { value: "good", label: t(lang, "explorer.question.good") },
          { value: "improve", label: t(lang, "explorer.question.improve") },
        ]}
      />
      <SelectField
        lang={lang}
        id="explorer-compare"
        name="compare"
        label={t(lang, "explorer.compare")}
        hint={t(lang, "explorer.compareHint")}
        value={text(selection.compare)}
        choices={[
          { value: "", label: t(lang, "explorer.compare.none") },
          { value: "grade", label: t(lang, "explorer.compare.grade") },
          { value: "region", label: t(lang, "explorer.compare.region") },
        ]}
      />
      <button type="submit">{t(lang, "explorer.show")}</button>
    </form>
  );
}

function CommentItem(props: {
  lang: Lang;
  principal: Principal;
  comment: ExplorerComment;
  index: number;
  categories: readonly CommentCategoryJson[];
  selection: ExplorerSelection;
}) {
  const { lang, comment, index, categories } = props;
  const mayTag = canWrite(props.principal, comment.region) && categories.length > 0;
  const names = categories.filter((category) => comment.categories.includes(category.id)).map((category) => category.name[lang]);
  const legendId = `tags-${index}`;
  return (
    <li>
      <blockquote>{comment.text}</blockquote>
      <p class="hint">
        {shortDate(lang, comment.date)} · {comment.lang ? LANG_NAMES[comment.lang] : t(lang, "comments.langHidden")}
        {names.length > 0 ? ` · ${t(lang, "explorer.categories")}: ${names.join(", ")}` : ""}
      </p>
      {mayTag ? (
        <form method="post" action={`/admin/comments/tags?lang=${lang}`} class="explorer-tags">
          <input type="hidden" name="event" value={String(comment.eventId)} />
          <input type="hidden" name="ref" value={comment.ref} />
          <input type="hidden" name="back" value={selectionParams(props.selection).toString()} />
          <fieldset>
            <legend id={legendId}>{t(lang, "explorer.tagLegend", { n: index + 1 })}</legend>
            {categories.map((category) => (
              <label class="check">
                <input type="checkbox" name="categories" value={String(category.id)} checked={comment.categories.includes(category.id)} />{" "}
                {category.name[lang]}
              </label>
            ))}
          </fieldset>
          <button type="submit" aria-describedby={legendId}>
            {t(lang, "explorer.saveTags")}
          </button>
        </form>
      ) : null}
    </li>
  );
}

function TermTable({
  lang,
  id,
  heading,
  terms,
  k,
}: {
  lang: Lang;
  id: string;
  heading: string;
  terms: CommentExplorerResponse["terms"];
  k: number;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {terms.length === 0 ? (
        <p>{t(lang, "explorer.noTerms", { k })}</p>
      ) : (
        <CommentCountTable
          lang={lang}
          caption={t(lang, "explorer.termCaption", { k })}
          labelHeading={t(lang, "explorer.term")}
          rows={terms.map((term) => ({ label: term.label, count: formatNumber(lang, term.count) }))}
        />
      )}
    </section>
  );
}

/** A two-column table: what was counted (a term, a category) and in how many comments. */
function CommentCountTable({
  lang,
  caption,
  labelHeading,
  rows,
}: {
  lang: Lang;
  caption: string;
  labelHeading: string;
  rows: readonly { readonly label: string; readonly count: string }[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeading}</th>
          <th scope="col">{t(lang, "explorer.commentCount")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ContrastTable({ lang, contrast, k }: { lang: Lang; contrast: NonNullable<CommentExplorerResponse["contrast"]>; k: number }) {
  const groupA = t(lang, contrast.by === "grade" ? "explorer.group.low" : "explorer.group.region");
  const groupB = t(lang, contrast.by === "grade" ? "explorer.group.high" : "explorer.group.rest");
  const n = (value: number | null) => (value === null ? t(lang, "explorer.fewerThanK", { k }) : formatNumber(lang, value));
  return (
    <section aria-labelledby="explorer-contrast">
      <h2 id="explorer-contrast">{t(lang, "explorer.contrast")}</h2>
      <p class="hint">{t(lang, "explorer.contrastHint")}</p>
      <p>
        {groupA}: n = {n(contrast.a.n)} · {groupB}: n = {n(contrast.b.n)}
      </p>
      {contrast.terms.length === 0 ? (
        <p>{t(lang, "explorer.noTerms", { k })}</p>
      ) : (
        <table>
          <caption>{t(lang, "explorer.contrastCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, "explorer.term")}</th>
              <th scope="col">{groupA}</th>
              <th scope="col">{groupB}</th>
              <th scope="col">{t(lang, "explorer.chiSquare")}</th>
              <th scope="col">{t(lang, "explorer.logOdds")}</th>
              <th scope="col">{t(lang, "explorer.leans")}</th>
            </tr>
          </thead>
          <tbody>
            {contrast.terms.map((term) => (
              <tr>
                <th scope="row">{term.label}</th>
                <td>{formatNumber(lang, term.countA)}</td>
                <td>{formatNumber(lang, term.countB)}</td>
                <td>{formatNumber(lang, term.chiSquare, 1)}</td>
                <td>{formatNumber(lang, term.logOddsRatio, 2)}</td>
                <td>{term.leans === "a" ? groupA : groupB}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewCategoryForm({ lang, selection }: { lang: Lang; selection: ExplorerSelection }) {
  return (
    <form method="post" action={`/admin/comments/categories?lang=${lang}`} aria-labelledby="explorer-new-category">
      <h3 id="explorer-new-category">{t(lang, "explorer.newCategory")}</h3>
      <input type="hidden" name="back" value={selectionParams(selection).toString()} />
      {LANGS.map((code) => (
        <TextField
          lang={lang}
          id={`category-${code}`}
          name={`name_${code}`}
          label={t(lang, `explorer.categoryName.${code}`)}
          value=""
          maxlength={80}
        />
      ))}
      <button type="submit">{t(lang, "explorer.addCategory")}</button>
    </form>
  );
}
