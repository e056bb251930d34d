/** The report formats of `kam plan --format`, apart from the renderer (the command line loads this for its choices). */
export const reportFormats = ['md', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];
