'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/safe-action';
import { CHANNEL_PLATFORMS, MAX_DESCRIPTION } from '@/lib/validations/channels';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';
import { ImageFileInput } from '@/components/ui/image-file-input';
import { TextAreaField } from '@/components/ui/form-controls';

export type ChannelFormValues = {
  id?: string;
  version?: number;
  platform: string;
  name: string;
  handle: string;
  url: string;
  descriptionEn: string;
  descriptionZh: string;
  hidden: boolean;
  qrImage: string | null;
};

export function ChannelForm({ action, initial, submitLabel }: { action: FormAction; initial: ChannelFormValues; submitLabel: string }) {
  const t = useTranslations('ChannelForm');
  const u = useTranslations('Uploads');
  const messages = useMessageKeys();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const value = (name: keyof ChannelFormValues) => failed?.values?.[name] ?? String(initial[name] ?? '');
  const errors = (name: string) => messages.all(failed?.fieldErrors?.[name]);

  const area = (name: 'descriptionEn' | 'descriptionZh') => (
    <TextAreaField id={`channel-${name}`} name={name} rows={3} maxLength={MAX_DESCRIPTION} label={t(name)} defaultValue={value(name)} errors={errors(name)} />
  );

  const platformErrors = errors('platform');
  const qrErrors = errors('qr');
  return (
    <form action={formAction} className="max-w-xl space-y-4">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {/* After a refused save the version stays the one first read: saving again needs a fresh look. */}
      {initial.version !== undefined && <input type="hidden" name="version" value={failed?.values?.version ?? String(initial.version)} />}
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
        <ImageFileInput id="channel-qr" name="qr" label={u('qrLabel')} hint={u('qrHint')} errors={qrErrors} />
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
