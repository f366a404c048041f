import type { Child } from "hono/jsx";
import { t, tCount } from "../../domain/i18n";
import type { Lang } from "../../domain/lang";

// Form controls for the admin pages, built like the survey form's: a visible label, an optional
// hint, the error right above the control, and both tied to it with aria-describedby so a screen
// reader hears them on focus.

/** One problem with one form control; `field` is the control's id. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** What a form sent back, so a page with errors shows every typed value again. */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

export function valueOf(values: FormValues | undefined, name: string): string {
  const value = values?.[name];
  return typeof value === "string" ? value : (value?.[0] ?? "");
}

/** Every value of a repeated control (checkboxes). */
export function valuesOf(values: FormValues | undefined, name: string): readonly string[] {
  const value = values?.[name];
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

export function errorFor(errors: readonly FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}

/** The box at the top of a page with errors: focused on load, each line a link to its control. */
export function ErrorSummary({ lang, errors, labelOf }: { lang: Lang; errors: readonly FieldError[]; labelOf: (field: string) => string }) {
  if (errors.length === 0) return null;
  return (
    <div class="summary" role="alert" tabindex={-1} id="error-summary" autofocus>
      <h2>{t(lang, "admin.errors.title")}</h2>
      <p>{tCount(lang, "admin.errors.intro", errors.length)}</p>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>
              {labelOf(e.field)}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The success line after a Post/Redirect/Get. */
export function StatusBox({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p class="ok" role="status">
      {message}
    </p>
  );
}

interface FieldFrameProps {
  readonly lang: Lang;
  readonly id: string;
  readonly label: string;
  readonly optional?: boolean;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly children: Child;
}

/** The ids a control's aria-describedby names: its hint and its error, when shown. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldFrame({ lang, id, label, optional, hint, error, children }: FieldFrameProps) {
  return (
    <div class={`field${error ? " invalid" : ""}`}>
      <label class="label" for={id}>
        {label}
        {optional && <span class="optional"> ({t(lang, "admin.optional")})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && <ErrorLine lang={lang} id={`${id}-error`} message={error} />}
      {children}
    </div>
  );
}

export function ErrorLine({ lang, id, message }: { lang: Lang; id: string; message: string }) {
  return (
    <p class="error" id={id}>
      <span class="vh">{t(lang, "page.errorPrefix")}: </span>
      {message}
    </p>
  );
}

/** What every labelled form field has. */
interface FieldProps {
  readonly lang: Lang;
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly optional?: boolean;
}

export interface TextFieldProps extends FieldProps {
  readonly type?: "text" | "email" | "password" | "date" | "datetime-local";
  readonly inputmode?: "numeric" | "email";
  readonly autocomplete?: string;
  readonly spellcheck?: boolean;
  readonly maxlength?: number;
}

export function TextField(props: TextFieldProps) {
  const { id, name, value, error, type = "text" } = props;
  return (
    <FieldFrame lang={props.lang} id={id} label={props.label} optional={props.optional} hint={props.hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
        maxlength={props.maxlength}
        aria-describedby={describedBy(id, props.hint, error)}
        aria-invalid={error ? "true" : undefined}
      />
    </FieldFrame>
  );
}

/** The form fields `nameFi`, `nameSv` and `nameEn` of something named in each language (an area,
 *  a theme): one text field each, labelled from `${labels}.nameFi` and so on. */
export function LocalisedNameFields({
  lang,
  labels,
  ids,
  values,
  errors,
}: {
  lang: Lang;
  labels: "admin.areas" | "admin.theme";
  ids: { readonly nameFi: string; readonly nameSv: string; readonly nameEn: string };
  values: FormValues | undefined;
  errors: readonly FieldError[] | undefined;
}) {
  return (
    <>
      {(["nameFi", "nameSv", "nameEn"] as const).map((name) => (
        <TextField
          lang={lang}
          id={ids[name]}
          name={name}
          label={t(lang, `${labels}.${name}`)}
          value={valueOf(values, name)}
          error={errorFor(errors, ids[name])}
          maxlength={200}
        />
      ))}
    </>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps extends FieldProps {
  /** Choices, or groups of them (<optgroup>). */
  readonly choices: readonly (Choice | { readonly group: string; readonly choices: readonly Choice[] })[];
}

export function SelectField(props: SelectFieldProps) {
  const { id, name, value, error } = props;
  const option = (c: Choice) => (
    <option value={c.value} selected={c.value === value}>
      {c.label}
    </option>
  );
  return (
    <FieldFrame lang={props.lang} id={id} label={props.label} optional={props.optional} hint={props.hint} error={error}>
      <select id={id} name={name} aria-describedby={describedBy(id, props.hint, error)} aria-invalid={error ? "true" : undefined}>
        {props.choices.map((c) => ("group" in c ? <optgroup label={c.group}>{c.choices.map(option)}</optgroup> : option(c)))}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField(props: Omit<TextFieldProps, "type" | "inputmode" | "autocomplete"> & { rows?: number }) {
  const { id, name, value, error } = props;
  return (
    <FieldFrame lang={props.lang} id={id} label={props.label} optional={props.optional} hint={props.hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={props.rows ?? 4}
        aria-describedby={describedBy(id, props.hint, error)}
        aria-invalid={error ? "true" : undefined}
        spellcheck={props.spellcheck}
      >
        {value}
      </textarea>
    </FieldFrame>
  );
}

/** A single checkbox with its label after it (the label is the click target). */
export function CheckboxField({
  id,
  name,
  label,
  checked,
  hint,
  value = "on",
}: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  hint?: string;
  value?: string;
}) {
  return (
    <div class="field check">
      <input type="checkbox" id={id} name={name} value={value} checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
