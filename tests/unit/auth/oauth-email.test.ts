import { describe, expect, it } from 'vitest';
import { providerVerifiedEmail, withGitHubEmail } from '@/lib/oauth-email';

describe('an address an OAuth provider vouches for', () => {
  it('counts only when the provider marks that very address verified', () => {
    expect(providerVerifiedEmail({ email: 'Ada@Example.org', email_verified: true }, 'ada@example.org')).toBe(true);
    expect(providerVerifiedEmail({ email: 'ada@example.org', email_verified: false }, 'ada@example.org')).toBe(false);
    expect(providerVerifiedEmail({ email: 'ada@example.org', email_verified: 'true' }, 'ada@example.org')).toBe(false);
    expect(providerVerifiedEmail({ email: 'other@example.org', email_verified: true }, 'ada@example.org')).toBe(false);
    expect(providerVerifiedEmail({ email_verified: true }, 'ada@example.org')).toBe(false);
    expect(providerVerifiedEmail(undefined, 'ada@example.org')).toBe(false);
    expect(providerVerifiedEmail({ email: 'ada@example.org', email_verified: true }, null)).toBe(false);
  });
});

describe('GitHub’s address and whether GitHub verified it', () => {
  const emails = [
    { email: 'public@example.org', primary: false, verified: true },
    { email: 'primary@example.org', primary: true, verified: false },
  ];

  it('keeps the public address, with its own verified flag', () => {
    expect(withGitHubEmail({ login: 'ada', email: 'public@example.org' }, emails)).toEqual({ login: 'ada', email: 'public@example.org', email_verified: true });
  });

  it('takes the primary address when there is no public one, unverified if GitHub has not verified it', () => {
    expect(withGitHubEmail({ login: 'ada', email: null }, emails)).toEqual({ login: 'ada', email: 'primary@example.org', email_verified: false });
  });

  it('vouches for nothing when GitHub did not list the addresses', () => {
    expect(withGitHubEmail({ login: 'ada', email: 'public@example.org' }, [])).toMatchObject({ email_verified: false });
    expect(withGitHubEmail({ login: 'ada', email: undefined }, [])).toMatchObject({ email: null, email_verified: false });
  });
});
