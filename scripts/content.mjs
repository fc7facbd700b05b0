// `npm run content:import` and `npm run content:export`: find the database the way `npm start`
// does (DATABASE_URL, or the embedded PostgreSQL under .data/), apply pending migrations, then
// run the TypeScript command with the app's module conditions.
import { spawn } from 'node:child_process';
import { migrate, openDatabase, root } from './lib/database.mjs';

const COMMANDS = { import: 'scripts/content-import.ts', export: 'scripts/content-export.ts' };
const [command, ...args] = process.argv.slice(2);
const script = COMMANDS[command];
if (!script) {
  process.stderr.write('usage: node scripts/content.mjs import|export [arguments]\n');
  process.exit(2);
}

const runScript = (env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], {
      cwd: root,
      stdio: 'inherit',
      // The command runs from the repository; paths on its command line are meant from here.
      env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd(), ...env },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

if (args.includes('--help') || args.includes('-h')) process.exit(await runScript({ DATABASE_URL: 'postgresql://localhost/unused' }));

const database = await openDatabase();
let code = 1;
try {
  await migrate(database.url);
  code = await runScript({ DATABASE_URL: database.url });
} finally {
  await database.stop();
}
process.exit(code);
