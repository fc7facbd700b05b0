'use server';

import { z } from 'zod';
import { revalidatePath, revalidateTag } from 'next/cache';
import { failure, withRole, type ActionState, type FormAction } from '@/lib/actions/safe-action';
import { saveSiteSettings, SiteSettingsWriteError, SITE_SETTINGS_TAG } from '@/lib/dal/site-settings';
import { moveLinkRow, parseMove } from '@/lib/site-settings/fields';
import { siteSettingsFormSchema } from '@/lib/validations/site-settings';

export type SiteSettingsState = { notice: string; values?: Record<string, string> };

const save = withRole('ADMIN', siteSettingsFormSchema, async (input, _user, formData): Promise<ActionState<SiteSettingsState>> => {
  try {
    await saveSiteSettings(input);
  } catch (error) {
    if (error instanceof SiteSettingsWriteError) return failure('SiteSettingsForm.errors.conflict', formData);
    throw error;
  }
  // Every page shows the title: drop the cached settings and every rendered page at once.
  revalidateTag(SITE_SETTINGS_TAG, { expire: 0 });
  revalidatePath('/', 'layout');
  return { ok: true, notice: 'SiteSettingsForm.saved' };
});

// A move only rearranges what was typed and sends it back; the admin still saves.
const move = withRole('ADMIN', z.object({}), async (_input, _user, formData): Promise<ActionState<SiteSettingsState>> => {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string' && !key.startsWith('$') && key !== 'intent') values[key] = value;
  return { ok: true, notice: 'SiteSettingsForm.moved', values: moveLinkRow(values, parseMove(formData.get('intent'))!) };
});

/** The settings form of one language: saves, or moves a link row up or down (`intent` "up:2"). */
export const saveSiteSettingsAction: FormAction<SiteSettingsState> = async (prev, formData) =>
  parseMove(formData.get('intent')) ? move(prev, formData) : save(prev, formData);
