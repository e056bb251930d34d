/** Where kam's own files are (the package root holding `templates/` and `schemas/`), from src/ and dist/ alike. */
import { fileURLToPath } from 'node:url';

export const packageRoot: string = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');
