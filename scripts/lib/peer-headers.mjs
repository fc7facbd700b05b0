// Preloaded into the production server (`node --import`, see next-start.mjs): the one place that
// sees the TCP peer of each request, which Next does not pass on to the app. It writes that
// address into `x-qiao-peer` (replacing anything a client sent under that name), and removes the
// forwarded headers a client may have made up unless the peer is a trusted proxy (TRUSTED_PROXIES,
// lib/trusted-proxies.mjs): nothing from the network can then choose its own address.
import http from 'node:http';
import { plainAddress, trustedProxies } from '../../lib/trusted-proxies.mjs';

const proxies = trustedProxies(process.env.TRUSTED_PROXIES);
const FORWARDED = ['x-forwarded-for', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-request-id'];

function scrub(req) {
  const peer = plainAddress(req.socket?.remoteAddress);
  if (!proxies.trusts(peer)) for (const name of FORWARDED) delete req.headers[name];
  req.headers['x-qiao-peer'] = peer;
}

const createServer = http.createServer;
http.createServer = function createServerWithPeer(...args) {
  const at = args.findIndex((arg) => typeof arg === 'function');
  if (at !== -1) {
    const listener = args[at];
    args[at] = function onRequest(req, res) {
      scrub(req);
      return listener.call(this, req, res);
    };
  }
  return createServer.apply(this, args);
};
