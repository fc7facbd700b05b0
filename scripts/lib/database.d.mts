// Types for the TypeScript tests that start their own database (database.mjs).
export const root: string;
export function migrate(url: string): Promise<void>;
export function startPrivatePostgres(options: { dir: string; port: number }): Promise<{ url: string; stop(): Promise<void>; start(): Promise<void> }>;
