// How the scripts start the production server (`next start`) on a port and an address.
//
// proxy.ts rewrites listing and search addresses to cached pages. Next keeps a rewrite inside the
// process only when its origin is the address given with -H; but it hands the proxy a URL whose
// loopback host is always spelled "localhost" (next/dist/server/web/next-url.js). With
// -H 127.0.0.1 every such rewrite became an HTTP request from the server to itself. So loopback is
// asked for as "localhost", and every interface by giving no -H at all (Next's default); any other
// single address works too, at the cost of that extra hop.
//
// Every server also preloads peer-headers.mjs, which tells the app each request's TCP peer and
// drops forwarded headers that do not come from a trusted proxy (TRUSTED_PROXIES).
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
const PRELOAD = `--import=${new URL('./peer-headers.mjs', import.meta.url).href}`;

export function nextStart({ port, host, trustedProxies = process.env.TRUSTED_PROXIES ?? '' }) {
  const hostArgs = !host || host === '0.0.0.0' || host === '::' ? [] : ['-H', LOOPBACK.test(host) ? 'localhost' : host];
  const nodeOptions = [process.env.NODE_OPTIONS, PRELOAD].filter(Boolean).join(' ');
  return { args: ['start', '-p', String(port), ...hostArgs], env: { NODE_OPTIONS: nodeOptions, TRUSTED_PROXIES: trustedProxies } };
}
