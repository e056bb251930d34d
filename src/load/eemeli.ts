/**
 * eemeli's `yaml`, loaded on first use: the loader needs it only for files js-yaml rejects or
 * that use anchors, so a valid workspace never pays for its import (tens of ms in each thread).
 * `require` keeps the load synchronous; under Node it is the same CommonJS module an `import` gets.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let loaded: Yaml | undefined;

export const eemeli = (): Yaml => (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);
