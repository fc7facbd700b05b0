/** A tag's label in the viewer's language, falling back to English, then to its slug. */
export function tagLabel(labels: unknown, slug: string, locale: string): string {
  if (labels && typeof labels === 'object' && !Array.isArray(labels)) {
    const map = labels as Record<string, unknown>;
    const value = map[locale] ?? map.en;
    if (typeof value === 'string' && value.trim()) return value;
  }
  return slug;
}
