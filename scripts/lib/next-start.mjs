// How the scripts start the production server (`next start`) on a port and an address.
//
// proxy.ts rewrites listing and search addresses to cached pages. Next keeps a rewrite inside the
// process only when its origin is the address given with -H; but it hands the proxy a URL whose
// loopback host is always spelled "localhost" (next/dist/server/web/next-url.js). With
// -H 127.0.0.1 every such rewrite became an HTTP request from the server to itself. So loopback is
// asked for as "localhost", and every interface by giving no -H at all (Next's default); any other
// single address works too, at the cost of that extra hop.
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export function nextStart({ port, host }) {
  const hostArgs = !host || host === '0.0.0.0' || host === '::' ? [] : ['-H', LOOPBACK.test(host) ? 'localhost' : host];
  return { args: ['start', '-p', String(port), ...hostArgs], env: {} };
}
