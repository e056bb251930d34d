/**
 * Ids for new accounts: slugs (`^[a-z0-9][a-z0-9-]*$`, SPEC section 1) made from names. Accents
 * are dropped (`Müller` → `muller`); other scripts are not transliterated, so a name without
 * ASCII letters or digits gives an empty slug and the caller falls back to another source.
 */
const MAX_LENGTH = 60;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH);
  const dash = cut.lastIndexOf('-');
  return (dash >= MAX_LENGTH / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** The first non-empty slug of `sources`, else `fallback`. */
export const firstSlug = (sources: readonly (string | undefined)[], fallback: string): string =>
  sources.map((s) => (s === undefined ? '' : slugify(s))).find((s) => s !== '') ?? fallback;

/** Makes `bases` unique in order: the second `acme` becomes `acme-2`, the third `acme-3`. */
export function uniqueIds(bases: readonly string[]): string[] {
  const taken = new Set<string>();
  return bases.map((base) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
