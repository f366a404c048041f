import { t } from "../domain/i18n";
import type { Lang } from "../domain/lang";
import { errorFor, TextField, type FieldError } from "./admin/fields";

/** The ids of the two fields every "choose a password" form has (a one-time link's page and the
 *  own-password page): error messages point at them. */
export const NEW_PASSWORD_IDS = { newPassword: "new-password", repeatPassword: "repeat-password" } as const;

/** The labels of the two fields, by id, for the error summary. */
export function newPasswordLabels(lang: Lang): Record<string, string> {
  return {
    [NEW_PASSWORD_IDS.newPassword]: t(lang, "password.change.new"),
    [NEW_PASSWORD_IDS.repeatPassword]: t(lang, "password.change.repeat"),
  };
}

/** The new password (with the rule as its hint) and its repetition; typed passwords are never
 *  shown again, so both start empty. `name` is the form field the page's route reads the new one from. */
export function NewPasswordFields({ lang, name, errors }: { lang: Lang; name: string; errors: readonly FieldError[] }) {
  const labels = newPasswordLabels(lang);
  return (
    <>
      <TextField
        lang={lang}
        type="password"
        id={NEW_PASSWORD_IDS.newPassword}
        name={name}
        label={labels[NEW_PASSWORD_IDS.newPassword]!}
        hint={t(lang, "password.change.hint")}
        value=""
        error={errorFor(errors, NEW_PASSWORD_IDS.newPassword)}
        autocomplete="new-password"
      />
      <TextField
        lang={lang}
        type="password"
        id={NEW_PASSWORD_IDS.repeatPassword}
        name="repeatPassword"
        label={labels[NEW_PASSWORD_IDS.repeatPassword]!}
        value=""
        error={errorFor(errors, NEW_PASSWORD_IDS.repeatPassword)}
        autocomplete="new-password"
      />
    </>
  );
}
