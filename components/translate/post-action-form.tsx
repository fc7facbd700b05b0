'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/translation';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/components/ui/button';
import { useMessageKeys } from '@/components/ui/use-message-keys';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  postId: string;
  locale: string;
  label: string;
  /** Names the post for screen readers: every row has the same visible button text. */
  accessibleLabel: string;
};

// A volunteer whose address is not verified may not claim: the refusal offers a new link.
const UNVERIFIED = 'Translate.errors.emailUnverified';

/** Claim or update one post; the action redirects to the editor, or says why it could not. */
export function PostActionForm({ action, postId, locale, label, accessibleLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const keys = useMessageKeys();
  const errorId = `post-action-error-${postId}-${locale}`;
  const error = state && !state.ok ? (state.error ?? 'Translate.errors.invalid') : null;
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="locale" value={locale} />
      <Button type="submit" size="sm" disabled={pending} aria-label={accessibleLabel} aria-describedby={error ? errorId : undefined}>
        {label}
      </Button>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {keys.one(error)}
          {error === UNVERIFIED && (
            <>
              {' '}
              <Link href="/account#verify-email" className="font-medium underline">
                {keys.one('Translate.verifyResendLink')}
              </Link>
            </>
          )}
        </p>
      )}
    </form>
  );
}
