/** The report formats of `kam plan --format`, apart from the renderer (the command line loads this for its choices). */
export const reportFormats = ['md', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];
/** What `kam plan --format` accepts: the rendered formats and `pdf` (the HTML printed by a browser). */
export const planFormats = [...reportFormats, 'pdf'] as const;
export type PlanFormat = (typeof planFormats)[number];
