import { defineConfig } from 'drizzle-kit'

/** drizzle-kit reads this to generate SQL migrations into db/migrations from the one schema file. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/storage/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_PATH ?? 'db/bot.sqlite' },
})
