import path from 'node:path';
import pg from 'pg';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// prisma/orm#27403: the wasm schema engine cannot deserialize PostgreSQL's `name` (19) and
// `"char"` (18) columns that its introspection queries return. Reporting them as `text` (25)
// lets `migrate` run; the values are plain strings either way.
function textForNameTypes(result: pg.QueryResult | undefined) {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
  }
  return result;
}

class TextNameClient extends pg.Client {
  // pg.Pool calls this with a callback, the adapter with a promise: patch both paths.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error | null, result: pg.QueryResult) => last(err, textForNameTypes(result));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return out && typeof out.then === 'function' ? out.then(textForNameTypes) : out;
  }
}

function poolConfig(): pg.PoolConfig {
  const raw = process.env.DATABASE_URL;
  if (!raw) throw new Error('DATABASE_URL is not set; run migrations through `npm start` or `npm test`.');
  const url = new URL(raw);
  // adapter-pg 6.19.3 builds the shadow database pool as `{...config, database}`; a
  // `connectionString` would override `database` and point the shadow at the main database
  // (P3006). Separate fields keep the override working.
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    Client: TextNameClient as unknown as typeof pg.Client,
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaPg(poolConfig());
  },
});
