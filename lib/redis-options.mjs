// How the portal connects to Redis, for the page cache (cache-handler.mjs) and for its own code
// (lib/redis.ts) alike. Plain JavaScript: the cache handler is loaded by Next without compiling.

export function redisClientOptions(url) {
  return {
    url,
    // Fail fast while disconnected instead of queueing commands behind a dead socket.
    disableOfflineQueue: true,
    // Notice a connection that died silently, and reconnect.
    pingInterval: 5_000,
    socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  };
}
