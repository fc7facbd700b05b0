'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/safe-action';
import { CHANNEL_PLATFORMS, MAX_DESCRIPTION } from '@/lib/validations/channels';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';

export type ChannelFormValues = {
  id?: string;
  platform: string;
  name: string;
  handle: string;
  url: string;
  descriptionEn: string;
  descriptionZh: string;
  hidden: boolean;
  qrImage: string | null;
};

const AREA = 'w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 focus:border-brand-600 aria-[invalid=true]:border-red-700';

export function ChannelForm({ action, initial, submitLabel }: { action: FormAction; initial: ChannelFormValues; submitLabel: string }) {
  const t = useTranslations('ChannelForm');
  const u = useTranslations('Uploads');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const value = (name: keyof ChannelFormValues) => failed?.values?.[name] ?? String(initial[name] ?? '');
  const errors = (name: string) => messages.all(failed?.fieldErrors?.[name]);

  const area = (name: 'descriptionEn' | 'descriptionZh') => {
    const errs = errors(name);
    return (
      <div className="space-y-1">
        <label htmlFor={`channel-${name}`} className="block font-medium">{t(name)}</label>
        <textarea
          id={`channel-${name}`}
          name={name}
          rows={3}
          maxLength={MAX_DESCRIPTION}
          defaultValue={value(name)}
          aria-invalid={errs.length ? true : undefined}
          aria-describedby={errs.length ? `channel-${name}-error` : undefined}
          className={AREA}
        />
        {errs.length > 0 && <p id={`channel-${name}-error`} className="text-sm text-red-800">{errs.join(' ')}</p>}
      </div>
    );
  };

  const platformErrors = errors('platform');
  const qrErrors = errors('qr');
  return (
    <form action={formAction} className="max-w-xl space-y-4">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage tone="error">{failed?.formError ? messages.one(failed.formError) : null}</FormMessage>
      <div className="space-y-1">
        <label htmlFor="channel-platform" className="block font-medium">{t('platform')}</label>
        <Select id="channel-platform" name="platform" defaultValue={value('platform')} aria-invalid={platformErrors.length ? true : undefined}>
          {CHANNEL_PLATFORMS.map((p) => (
            <option key={p} value={p}>{t(`platforms.${p}`)}</option>
          ))}
        </Select>
        {platformErrors.length > 0 && <p className="text-sm text-red-800">{platformErrors.join(' ')}</p>}
      </div>
      <FormField id="channel-name" name="name" label={t('name')} required maxLength={100} defaultValue={value('name')} errors={errors('name')} />
      <FormField id="channel-handle" name="handle" label={t('handle')} maxLength={100} defaultValue={value('handle')} errors={errors('handle')} />
      <FormField id="channel-url" name="url" type="url" label={t('url')} hint={t('urlHint')} maxLength={500} defaultValue={value('url')} errors={errors('url')} />
      {area('descriptionEn')}
      {area('descriptionZh')}
      <div className="space-y-1">
        <label htmlFor="channel-qr" className="block font-medium">{u('qrLabel')}</label>
        <input
          id="channel-qr"
          name="qr"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={qrErrors.length ? true : undefined}
          aria-describedby={`channel-qr-hint${qrErrors.length ? ' channel-qr-error' : ''}`}
          className="block text-sm"
        />
        <p id="channel-qr-hint" className="text-sm text-stone-600">{u('qrHint')}</p>
        {qrErrors.length > 0 && <p id="channel-qr-error" className="text-sm text-red-800">{qrErrors.join(' ')}</p>}
        {initial.qrImage && (
          <div className="flex items-center gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local upload, already sized */}
            <img src={initial.qrImage} alt={u('currentQr')} width={96} height={96} className="rounded border border-stone-200" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeQr" /> {u('removeQr')}
            </label>
          </div>
        )}
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="hidden" defaultChecked={failed?.values ? failed.values.hidden === 'on' : initial.hidden} /> {t('hidden')}
      </label>
      <Button type="submit" disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
