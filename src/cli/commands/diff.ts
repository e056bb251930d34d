/** `kam diff`: not built yet (see the open issues). */
import { UsageError } from '../../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('`kam diff` is not implemented yet');
}
