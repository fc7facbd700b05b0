// The site-settings form's field names and limits, and the row moves it does without JavaScript.
// Pure: shared by the client form, the zod schema and the action.

export const MAX_TITLE = 80;
export const MAX_TAGLINE = 200;
export const MAX_FOOTER_LINKS = 12;
export const MAX_LINK_LABEL = 60;
export const MAX_LINK_URL = 500;
/** Empty rows offered below the filled ones, so links can be added without JavaScript. */
export const BLANK_LINK_ROWS = 3;

export type FooterLink = { label: string; url: string };

// Flat names: the action wrapper reads a form as one string per name, and reports errors by name.
export const linkField = {
  label: (i: number) => `linkLabel${i}`,
  url: (i: number) => `linkUrl${i}`,
  remove: (i: number) => `linkRemove${i}`,
};

export type FormValues = Record<string, string>;

/** The form values of stored settings, as the form shows them. */
export function settingsToValues(settings: { title: string; tagline: string; links: FooterLink[]; version: number }): FormValues {
  const values: FormValues = { title: settings.title, tagline: settings.tagline, version: String(settings.version) };
  settings.links.forEach((link, i) => {
    values[linkField.label(i)] = link.label;
    values[linkField.url(i)] = link.url;
  });
  return values;
}

function rowHasContent(values: FormValues, i: number): boolean {
  return Boolean(values[linkField.label(i)]?.trim() || values[linkField.url(i)]?.trim());
}

/** How many link rows to show: every row up to the last filled one, then a few empty ones. */
export function linkRowCount(values: FormValues): number {
  let last = -1;
  for (let i = 0; i < MAX_FOOTER_LINKS; i++) if (rowHasContent(values, i)) last = i;
  return Math.min(MAX_FOOTER_LINKS, last + 1 + BLANK_LINK_ROWS);
}

export type Move = { index: number; direction: 'up' | 'down' };

/** The `intent` of a move button ("up:3"), or null for a save. */
export function parseMove(intent: unknown): Move | null {
  const m = typeof intent === 'string' ? /^(up|down):(\d{1,2})$/.exec(intent) : null;
  if (!m) return null;
  const index = Number(m[2]);
  return index < MAX_FOOTER_LINKS ? { index, direction: m[1] as Move['direction'] } : null;
}

/** The same values with one link row swapped with its neighbour; nothing is saved. */
export function moveLinkRow(values: FormValues, { index, direction }: Move): FormValues {
  const other = direction === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= MAX_FOOTER_LINKS) return { ...values };
  const out = { ...values };
  for (const name of [linkField.label, linkField.url, linkField.remove]) {
    const a = values[name(index)];
    const b = values[name(other)];
    delete out[name(index)];
    delete out[name(other)];
    if (b !== undefined) out[name(index)] = b;
    if (a !== undefined) out[name(other)] = a;
  }
  return out;
}
