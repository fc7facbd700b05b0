'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState, FormAction } from '@/lib/actions/safe-action';
import { Button } from '@/components/ui/button';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { useMessageKeys } from '@/components/ui/use-message-keys';
import { SelectField } from '@/components/ui/form-controls';
import { CoverUpload, LocalizedFields, PartnerRows, PlaceFields } from '@/components/events/event-form-sections';
import { STATUS_KEY, TYPE_KEY } from '@/lib/events/labels';

export type EventFormValues = Record<string, string>;

const TYPES = Object.keys(TYPE_KEY) as (keyof typeof TYPE_KEY)[];
const STATUSES = Object.keys(STATUS_KEY) as (keyof typeof STATUS_KEY)[];

/**
 * Creating and editing an event. Uncontrolled fields whose defaults come from the last failed
 * submission, so nothing typed is lost when the server refuses it; the form is re-mounted with
 * those values because React resets a form after its action runs.
 */
export function EventForm({
  action,
  initial,
  timeZones,
  hidden = {},
  submitLabel,
}: {
  action: FormAction;
  initial: EventFormValues;
  timeZones: string[];
  hidden?: Record<string, string>;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const t = useTranslations('EventForm');
  const types = useTranslations('EventType');
  const statuses = useTranslations('EventStatus');
  const messages = useMessageKeys();
  const failed = state && !state.ok ? state : null;
  const values = { ...initial, ...(failed?.values ?? {}) };
  const v = (name: string) => values[name] ?? '';
  const errors = (name: string) => messages.all(failed?.fieldErrors?.[name]);
  const hasFieldErrors = failed?.fieldErrors && Object.keys(failed.fieldErrors).length > 0;
  const formRef = useRef<HTMLFormElement>(null);
  // After a refusal, take the keyboard (and the eye) to the first field that needs fixing.
  useEffect(() => {
    if (failed?.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);
  // An event stored with a zone the list spells differently must not silently switch zones.
  const zones = !v('timeZone') || timeZones.includes(v('timeZone')) ? timeZones : [v('timeZone'), ...timeZones];

  return (
    <form ref={formRef} key={JSON.stringify(failed?.values ?? null)} action={formAction} noValidate className="space-y-8">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage tone="error">{failed ? (messages.one(failed.formError) ?? (hasFieldErrors ? t('fixErrors') : null)) : null}</FormMessage>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('basics')}</legend>
        <SelectField id="type" name="type" label={t('type')} defaultValue={v('type') || 'MEETUP'} errors={errors('type')}>
          {TYPES.map((type) => (
            <option key={type} value={type}>{types(TYPE_KEY[type])}</option>
          ))}
        </SelectField>
        <FormField id="slug" name="slug" label={t('slug')} hint={t('slugHint')} defaultValue={v('slug')} errors={errors('slug')} pattern="[a-z0-9-]*" />
        <SelectField id="status" name="status" label={t('status')} hint={t('statusHint')} defaultValue={v('status') || 'DRAFT'} errors={errors('status')}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{statuses(STATUS_KEY[s])}</option>
          ))}
        </SelectField>
        <FormField id="publishAt" name="publishAt" type="datetime-local" label={t('publishAt')} hint={t('publishAtHint')} defaultValue={v('publishAt')} errors={errors('publishAt')} />
      </fieldset>

      <LocalizedFields values={values} errors={errors} />

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('time')}</legend>
        <p className="text-sm text-stone-600 sm:col-span-2">{t('timeHint')}</p>
        <div className="sm:col-span-2">
          <SelectField id="timeZone" name="timeZone" label={t('timeZone')} defaultValue={v('timeZone') || 'Asia/Shanghai'} errors={errors('timeZone')}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>{zone}</option>
            ))}
          </SelectField>
        </div>
        <FormField id="startsAt" name="startsAt" type="datetime-local" required label={t('startsAt')} defaultValue={v('startsAt')} errors={errors('startsAt')} />
        <FormField id="endsAt" name="endsAt" type="datetime-local" required label={t('endsAt')} defaultValue={v('endsAt')} errors={errors('endsAt')} />
      </fieldset>

      <PlaceFields values={values} errors={errors} />

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('registration')}</legend>
        <FormField id="registrationUrl" name="registrationUrl" type="url" label={t('registrationUrl')} hint={t('httpsHint')} defaultValue={v('registrationUrl')} errors={errors('registrationUrl')} />
        <FormField id="registrationDeadline" name="registrationDeadline" type="datetime-local" label={t('registrationDeadline')} defaultValue={v('registrationDeadline')} errors={errors('registrationDeadline')} />
        <FormField id="capacity" name="capacity" type="number" min={1} inputMode="numeric" label={t('capacity')} defaultValue={v('capacity')} errors={errors('capacity')} />
        <FormField id="coverImage" name="coverImage" label={t('coverImage')} hint={t('imageHint')} defaultValue={v('coverImage')} errors={errors('coverImage')} />
        <CoverUpload current={initial.coverImage ?? ''} errors={errors('coverFile')} />
      </fieldset>

      <PartnerRows values={values} errors={errors} />

      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{pending ? t('saving') : submitLabel}</Button>
      </div>
    </form>
  );
}
