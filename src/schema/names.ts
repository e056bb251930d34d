/**
 * The schema's enum lists that the command line offers as choices, apart from zod: `kam --help`
 * must not load it. `config.ts` builds its enums from these.
 */
export const langs = ['en', 'zh'] as const;
/** who `kam plan` writes for (README "Audiences") */
export const audiences = ['team', 'exec', 'customer'] as const;
