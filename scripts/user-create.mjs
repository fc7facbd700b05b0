// Runs scripts/user-create.ts against the portal's database: DATABASE_URL when set, otherwise
// the embedded PostgreSQL that `npm start` uses (started for the occasion if it is not running).
import { migrate, openDatabase, run } from './lib/database.mjs';

const database = await openDatabase();
let code = 0;
try {
  await migrate(database.url);
  await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/user-create.ts', ...process.argv.slice(2)], {
    env: { DATABASE_URL: database.url },
  });
} catch (error) {
  // The script has already said what went wrong.
  code = Number(/exited with (\d+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? 1) || 1;
} finally {
  await database.stop();
}
process.exit(code);
