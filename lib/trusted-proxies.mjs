// Which peers may tell the app who the client is (X-Forwarded-For). Plain JavaScript: the
// preload scripts/lib/peer-headers.mjs runs it before Next loads, and lib/dal/rate-limit.ts too.
import { BlockList, isIP } from 'node:net';

/** An address as the socket reports it, with IPv4-mapped IPv6 (`::ffff:127.0.0.1`) made plain. */
export function plainAddress(address) {
  const value = String(address ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  return mapped ? mapped[1] : value;
}

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges separated by commas, and `loopback` for 127.0.0.0/8
 * and ::1. Unset or empty: no peer is trusted, so forwarded headers are ignored.
 */
export function trustedProxies(setting) {
  const list = new BlockList();
  let any = false;
  for (const raw of String(setting ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
    } else {
      const [address, bits] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
      if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
      if (bits === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(bits), family);
    }
    any = true;
  }
  return {
    /** Whether forwarded headers from this peer are believed. */
    trusts(address) {
      if (!any) return false;
      const plain = plainAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then the nearest
 * address in X-Forwarded-For that is not a trusted proxy itself (a client may write anything at the
 * far end of the list, so it is read from the right).
 */
export function clientAddress(peer, forwardedFor, proxies) {
  const socket = plainAddress(peer);
  if (!proxies.trusts(socket)) return socket;
  const hops = String(forwardedFor ?? '')
    .split(',')
    .map((hop) => plainAddress(hop))
    .filter((hop) => isIP(hop) !== 0);
  for (let i = hops.length - 1; i >= 0; i -= 1) if (!proxies.trusts(hops[i])) return hops[i];
  return hops[0] ?? socket;
}
