import 'server-only';
import { db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/routing';
import { requireRole } from '@/lib/dal/session';

export type GlossaryEntry = { id: string; term: string; locale: string; translation: string; note: string | null };

export async function listGlossary(locale?: Locale): Promise<GlossaryEntry[]> {
  await requireRole('VOLUNTEER');
  return db.glossaryTerm.findMany({
    where: locale ? { locale } : {},
    orderBy: [{ locale: 'asc' }, { term: 'asc' }],
    select: { id: true, term: true, locale: true, translation: true, note: true },
  });
}

/** Reviewers and admins keep the glossary; a term is unique per language. */
export async function upsertGlossaryTerm(input: { term: string; locale: Locale; translation: string; note: string | null }) {
  const user = await requireRole('REVIEWER');
  await db.$transaction(async (tx) => {
    const term = await tx.glossaryTerm.upsert({
      where: { term_locale: { term: input.term, locale: input.locale } },
      create: { ...input, updatedById: user.id },
      update: { translation: input.translation, note: input.note, updatedById: user.id },
      select: { id: true },
    });
    await tx.auditLog.create({ data: { actorId: user.id, action: 'glossary.upsert', targetType: 'GlossaryTerm', targetId: term.id, data: input } });
  });
}

export async function deleteGlossaryTerm(id: string) {
  const user = await requireRole('REVIEWER');
  await db.$transaction(async (tx) => {
    const { count } = await tx.glossaryTerm.deleteMany({ where: { id } });
    if (count > 0) await tx.auditLog.create({ data: { actorId: user.id, action: 'glossary.delete', targetType: 'GlossaryTerm', targetId: id } });
  });
}
