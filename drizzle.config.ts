import { defineConfig } from "drizzle-kit";

// Only generates SQL files from the schema; applying them is scripts/migrate.ts's job (never `push`).
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
