// Whether an OAuth provider vouches for the address it gave. Such an address counts as verified
// at once, like one whose owner followed the mailed link. Pure: unit-tested without a provider.

export type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/** True only when the provider's profile says *this* address (the account's) is verified. */
export function providerVerifiedEmail(profile: unknown, email: string | null | undefined): boolean {
  if (!email || typeof profile !== 'object' || profile === null) return false;
  const p = profile as { email?: unknown; email_verified?: unknown };
  return p.email_verified === true && typeof p.email === 'string' && p.email.trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * GitHub's profile with the address next-auth would take (the public one, else the primary) and
 * whether GitHub verified it, from `/user/emails`: GitHub's own profile does not say, and a
 * primary address may be unverified there.
 */
export function withGitHubEmail<P extends { email?: string | null }>(profile: P, emails: GitHubEmail[]): P & { email_verified: boolean } {
  const chosen = profile.email ? emails.find((e) => e.email === profile.email) : (emails.find((e) => e.primary) ?? emails[0]);
  return { ...profile, email: profile.email ?? chosen?.email ?? null, email_verified: chosen?.verified === true };
}
