// Preloaded with `node --import` by the runner: writes the process's peak resident memory (KiB)
// to the file named by KAM_BENCH_RSS when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.KAM_BENCH_RSS) writeFileSync(process.env.KAM_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
