/**
 * Ids for new accounts: slugs (`^[a-z0-9][a-z0-9-]*$`) made from names. Accents are dropped
 * (`Müller` → `muller`), apostrophes and dots too (`Let's` → `lets`, `Inc.` → `inc`); any other
 * run of characters that are not letters or digits becomes one `-`. Chinese characters are written
 * in pinyin without tones (pinyin-pro), two syllables to a word, as most Chinese company names are
 * built (`华泰精密` → `huatai-jingmi`); a last single syllable joins the word before it. Other
 * scripts are not transliterated, so a name without Latin letters, digits or Chinese characters
 * gives an empty slug and the caller falls back to another source.
 */
import { createRequire } from 'node:module';

const MAX_LENGTH = 60;
const HAN = /\p{Script=Han}+/gu;

type Pinyin = (text: string, options: { toneType: 'none'; type: 'array'; v?: boolean }) => string[];
let pinyinOf: Pinyin | undefined;

/** pinyin-pro, loaded on the first Chinese name only (its dictionary takes ~100 ms to load). */
function pinyin(): Pinyin {
  pinyinOf ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: Pinyin }).pinyin;
  return pinyinOf;
}

/** A run of Chinese characters as pinyin words: two syllables each, a last odd one joining the word before. */
export function pinyinWords(han: string): string[] {
  const syllables = pinyin()(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  const words: string[] = [];
  for (let i = 0; i < syllables.length; i += 2) words.push(syllables.slice(i, i + 2).join(''));
  // an odd last syllable joins the word before it: `中石化` → `zhongshihua`
  if (syllables.length > 1 && syllables.length % 2 === 1) words.splice(-2, 2, words.slice(-2).join(''));
  return words.filter((w) => w !== '');
}

export function slugify(text: string): string {
  const slug = text
    .replace(HAN, (han) => ` ${pinyinWords(han).join(' ')} `)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ‘`´.]/g, '')
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
export function uniqueIds(bases: readonly string[], taken: Set<string> = new Set()): string[] {
  return bases.map((base) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
