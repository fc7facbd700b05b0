// Types for the TypeScript tests that start their own cluster (cluster.mjs).
import type { ChildProcess } from 'node:child_process';

export type App = { name: string; port: number; url: string; child: ChildProcess | null; start(): Promise<void>; stop(signal?: NodeJS.Signals): Promise<void> };
export type Redis = { url: string; port: number | null; start(): Promise<void>; stop(): Promise<void> };
export type Cluster = {
  url: string;
  siteUrl: string;
  apps: App[];
  redis: Redis;
  dir: string;
  env: Record<string, string | undefined>;
  stop(): Promise<void>;
};
export function freePort(): Promise<number>;
/** A redis-server of its own on a free port (or this one), without persistence. */
export function startRedis(options?: { port?: number }): Promise<Redis & { port: number }>;
export function startCluster(options: {
  databaseUrl: string;
  distDir?: string;
  instances?: number;
  port?: number;
  redisUrl?: string;
  secret?: string;
  actionsKey?: string;
  env?: Record<string, string>;
  dir?: string;
  log?: (msg: string) => void;
  quiet?: boolean;
  edgeLimits?: boolean;
  nginxExtra?: string | ((appPorts: number[]) => string);
}): Promise<Cluster>;
