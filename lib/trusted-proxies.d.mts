export type TrustedProxies = { trusts(address: string | null | undefined): boolean };
/** TRUSTED_PROXIES parsed: addresses, CIDR ranges and `loopback`, separated by commas. */
export function trustedProxies(setting: string | null | undefined): TrustedProxies;
export function plainAddress(address: string | null | undefined): string;
/** The client's address, believing X-Forwarded-For only from a trusted peer (see trusted-proxies.mjs). */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined, proxies: TrustedProxies): string;
