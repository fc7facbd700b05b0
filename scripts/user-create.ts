// `npm run user:create -- --email a@b.c --role admin [--name X] [--password P]`
// Creates an account, or changes the role (and the password, when given) of an existing one.
// Without --password a new account gets a generated password, printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { userCreateSchema } from '@/lib/validations/users';
import { upsertUserAsOperator } from '@/lib/dal/users';
import en from '@/messages/en.json';

const USAGE = 'usage: npm run user:create -- --email a@b.c --role volunteer|reviewer|admin [--name "Name"] [--password "at least 10 characters"]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const parsed = userCreateSchema.safeParse(values);
if (!parsed.success) {
  // The schema speaks in message keys; the operator reads the English messages.
  const say = (key: string) => (en.FormErrors as Record<string, string>)[key.replace(/^FormErrors\./, '')] ?? key;
  const problems = Object.entries(z.flattenError(parsed.error).fieldErrors).map(([field, errors]) => `--${field}: ${errors?.map(say).join(' ')}`);
  fail(`invalid arguments\n  ${problems.join('\n  ')}`);
}

const input = parsed.data;
const generated = randomBytes(18).toString('base64url');
const result = await upsertUserAsOperator({ ...input, initialPassword: generated }, { kind: 'operator' });
if (!result.ok) {
  process.stderr.write(`${input.email} is the last active admin: make another admin before changing this one.\n`);
  process.exit(1);
}
process.stdout.write(`${result.created ? 'created' : 'updated'} ${input.email} (${input.role.toLowerCase()})\n`);
if (result.created && !input.password) {
  process.stdout.write(`password: ${generated}\n(shown once; change it on the account page)\n`);
}
process.exit(0);
