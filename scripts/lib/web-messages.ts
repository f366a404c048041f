// The browser bundles need only the messages the web code can ask for, not the staff pages' and
// the survey form's hundreds of server-only texts in three languages (about a third of the
// dashboard's gzip size). This esbuild plugin replaces each dictionary module with the subset whose
// keys the scanned sources name: a key written out in full, or a key starting with a literal prefix
// such as `dash.funnel.flag.${flag}` or `http.${code}`. The scan is conservative (any string
// literal of the dictionary's key shape counts), so a key can be kept needlessly but not dropped.
import type { Plugin } from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DICTIONARY = /[\\/]src[\\/]domain[\\/]i18n[\\/](fi|sv|en)\.ts$/;
const KEY_LITERAL = /["'`]([a-z][a-zA-Z0-9]*\.[a-zA-Z0-9_.]*)(\$\{)?/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Keys named in full, and prefixes of keys built at run time, in the given source folders. */
export function referencedKeys(dirs: readonly string[], exclude: RegExp = DICTIONARY): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of dirs.flatMap(sourceFiles).filter((f) => !exclude.test(f))) {
    for (const match of readFileSync(file, "utf8").matchAll(KEY_LITERAL)) {
      const [, key, template] = match;
      if (template || key!.endsWith(".")) prefixes.add(key!);
      else exact.add(key!);
    }
  }
  return { exact, prefixes: [...prefixes] };
}

export function webMessagesPlugin(sourceDirs: readonly string[]): Plugin {
  const { exact, prefixes } = referencedKeys(sourceDirs);
  const wanted = (key: string) => exact.has(key) || prefixes.some((p) => key.startsWith(p));
  return {
    name: "web-messages",
    setup(build) {
      build.onLoad({ filter: DICTIONARY }, async (args) => {
        const lang = DICTIONARY.exec(args.path)![1]!;
        const module = (await import(args.path)) as Record<string, Record<string, string>>;
        const subset = Object.fromEntries(Object.entries(module[lang]!).filter(([key]) => wanted(key)));
        return { contents: `export const ${lang} = ${JSON.stringify(subset)};`, loader: "js" };
      });
    },
  };
}
