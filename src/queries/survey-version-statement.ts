// Node only, embedded file: the survey version (findSurveyVersion) read through one statement
// prepared once, on a connection of its own. Every form view and submission reads it, so that a
// survey closed, reopened, cancelled or published, or a day question added or removed, shows at
// once; through @libsql/client, which prepares every statement afresh and goes through its
// connection pool and promise chain, that read cost about 130 µs of CPU per request, most of a
// form view's (bench/RESULTS.md). A prepared statement stepped on its own connection costs about
// 15 µs and reads the same committed state: the file is in WAL mode, so this reader sees every
// commit the moment it is made, by this process or any other (the CLI, a backup), and never waits
// for a writer. `get` runs the statement to its end and resets it, so no read transaction is left
// open to hold back checkpoints.
import Database from "libsql";
import { SURVEY_VERSION_SQL, readSurveyVersion, type SurveyVersion } from "./survey-by-slug";

export interface SurveyVersionStatement {
  read(slug: string): SurveyVersion | null;
  close(): void;
}

/** The database file a `file:` LIBSQL_URL names, or null when there is none to share (in memory, URL parameters, a remote URL). */
export function databaseFileOf(libsqlUrl: string): string | null {
  if (!libsqlUrl.startsWith("file:") || /[?#]/.test(libsqlUrl)) return null;
  const path = libsqlUrl.startsWith("file://") ? decodeURIComponent(new URL(libsqlUrl).pathname) : libsqlUrl.slice("file:".length);
  return path === "" || path.startsWith(":") ? null : path;
}

/** Opens the reader on a database file the app's client has already opened and migrated. */
export function openSurveyVersionStatement(path: string): SurveyVersionStatement {
  const connection = new Database(path);
  try {
    // The app connection's busy timeout (src/db/open-node-database.ts): a reader in WAL mode waits
    // only while another process recovers or resets the WAL.
    connection.exec("PRAGMA busy_timeout = 5000");
    const statement = connection.prepare(SURVEY_VERSION_SQL);
    return {
      read: (slug) => {
        const row = statement.get(slug) as Record<string, unknown> | undefined;
        return row ? readSurveyVersion(row) : null;
      },
      close: () => connection.close(),
    };
  } catch (error) {
    connection.close();
    throw error;
  }
}
