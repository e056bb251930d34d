/** A validator of the Code Quality report shape GitLab documents (test/support/gitlab-code-quality.schema.json). */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('./gitlab-code-quality.schema.json', import.meta.url), 'utf8'));
export const validCodeQuality = new Ajv2020({ allErrors: true }).compile(schema);
