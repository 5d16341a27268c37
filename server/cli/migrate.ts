// npm run db:migrate — applies pending migrations (the server also does this at start).
import { openCliDatabase } from './open-db.ts'

const { db, release } = await openCliDatabase()
await db.close()
release()
console.log('Database is up to date.')
