// Progressive enhancement for the survey form (/s/:slug). Without this script the form posts as
// usual and the server does everything. With it, venue wifi that drops in and out costs nothing:
// the answers are sent in the background and retried with the same submission_id (so a retry of
// a response that did arrive is answered "already stored", never stored twice), every answer is
// kept in sessionStorage so a reload or a language switch loses nothing, and a status line says
// what is going on. The texts come from the server in data- attributes on the form, in the page's
// language, so this file carries no dictionary. No dependencies; a few KB minified.
// Loaded with <script type="module">: an ES module, so nothing here leaks into the page's globals.
export {};

interface Saved {
  readonly id: string;
  readonly answers: Record<string, string>;
}

type Outcome =
  | { readonly kind: "stored" }
  | { readonly kind: "invalid" }
  | { readonly kind: "refused"; readonly message: string | null }
  | { readonly kind: "retry"; readonly reason: "network" | "server" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** Then stop and say so; the send button starts again. Bounded, and the participant stays in charge. */
const MAX_ATTEMPTS = 30;
/** Slow venue wifi is still a connection; a request that hangs longer than this is tried again. */
const REQUEST_TIMEOUT_MS = 20_000;

const surveyForm = document.getElementById("survey-form");
const statusLine = document.getElementById("survey-status");
if (surveyForm instanceof HTMLFormElement && statusLine) enhance(surveyForm, statusLine);

function enhance(form: HTMLFormElement, status: HTMLElement): void {
  const idInput = form.elements.namedItem("submission_id");
  const langInput = form.elements.namedItem("lang");
  if (!(idInput instanceof HTMLInputElement) || !(langInput instanceof HTMLInputElement)) return;
  const key = `palaute.survey:${new URL(form.action).pathname}`;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending = false;

  const say = (name: string, seconds?: number, isError = false) => {
    status.textContent = (form.dataset[name] ?? "").replace("{seconds}", String(seconds ?? ""));
    status.classList.toggle("error", isError);
  };
  const keep = () => save(key, { id: idInput.value, answers: answersOf(form) });

  // A reload, a language switch or the error page after a fallback: the same participant, the
  // same submission. Keeping the id is what makes a resend of something that did arrive harmless
  // (and, by the same rule, the server keeps the version that arrived first).
  const saved = load(key);
  if (saved) {
    idInput.value = saved.id;
    if (restore(form, saved.answers) > 0) say("statusRestored");
  }
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);

  const send = async () => {
    clearTimeout(timer);
    timer = undefined;
    sending = true;
    keep();
    say("statusSending");
    const outcome = await post(form.action, idInput.value, langInput.value, answersOf(form));
    sending = false;
    if (outcome.kind === "stored") {
      say("statusSent");
      forget(key);
      location.assign(form.dataset.thanks ?? "/");
    } else if (outcome.kind === "invalid" || (outcome.kind === "refused" && !outcome.message)) {
      // The server's own page shows the accessible error summary with every answer kept;
      // submit() skips this listener, and the stored id and answers stay for that page.
      form.submit();
    } else if (outcome.kind === "refused") {
      status.textContent = outcome.message;
      status.classList.add("error");
    } else if (++attempt >= MAX_ATTEMPTS) {
      attempt = 0;
      say("statusGaveUp", undefined, true);
    } else {
      // Exponential back-off with jitter, so a room of phones does not retry in step.
      const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
      const wait = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
      say(outcome.reason === "network" ? "statusOffline" : "statusServerError", Math.ceil(wait / 1000));
      timer = setTimeout(send, wait);
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // The button stays usable: pressed while waiting for a retry, it retries at once.
    if (!sending) void send();
  });
  // The browser noticed the connection is back: no need to sit out the rest of the back-off.
  window.addEventListener("online", () => {
    if (timer !== undefined) void send();
  });
}

async function post(url: string, id: string, lang: string, answers: Record<string, string>): Promise<Outcome> {
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ submission_id: id, lang, answers }),
      signal: abort.signal,
    });
    const data = (await res.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null;
    // A wifi login page also answers 200; only our own {id} means the answers are stored.
    if (res.status === 200 || res.status === 201) return data?.id === id ? { kind: "stored" } : { kind: "retry", reason: "server" };
    if (res.status === 422) return { kind: "invalid" };
    if (res.status >= 500 || res.status === 408 || res.status === 429) return { kind: "retry", reason: "server" };
    return { kind: "refused", message: data?.error?.message ?? null };
  } catch {
    return { kind: "retry", reason: "network" };
  } finally {
    clearTimeout(timeout);
  }
}

function answersOf(form: HTMLFormElement): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (name !== "submission_id" && name !== "lang" && typeof value === "string" && value.trim() !== "") answers[name] = value;
  }
  return answers;
}

/** Puts saved answers back; returns how many fields it changed (none on the server's error page). */
function restore(form: HTMLFormElement, answers: Record<string, string>): number {
  let changed = 0;
  for (const [name, value] of Object.entries(answers)) {
    const field = form.elements.namedItem(name);
    if (!(field instanceof RadioNodeList || field instanceof HTMLTextAreaElement) || field.value === value) continue;
    field.value = value;
    if (field.value === value) changed += 1;
  }
  return changed;
}

// sessionStorage can be full or switched off; then the page itself still holds the answers.
function load(key: string): Saved | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? "null") as Saved | null;
    return saved && UUID.test(saved.id) && typeof saved.answers === "object" && saved.answers !== null ? saved : null;
  } catch {
    return null;
  }
}

function save(key: string, saved: Saved): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(saved));
  } catch {
    /* see load() */
  }
}

function forget(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* see load() */
  }
}
