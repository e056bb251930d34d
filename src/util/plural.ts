/** `1 account`, `3 accounts`, `2 analyses` (with `many`): a count and its noun, for people. */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
