// The `kam score` table alone for n accounts, fitted to 80 columns with colour: prints the median
// time in ms of `runs` renderings. The rows are synthetic (half of the names Chinese, a few long),
// so the time measured is the table writer's and not the analysis's.
import v8 from 'node:v8';
import vm from 'node:vm';
import { Chalk } from 'chalk';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const [n, runs = 5] = process.argv.slice(2).map(Number);
const { scoreTable } = await import('../dist/cli/score-view.js');

const tiers = ['key', 'ordinary', 'prospect'];
const levels = ['low', 'medium', 'high'];
const accounts = Array.from({ length: n }, (_, i) => ({
  id: `acct-${String(i + 1).padStart(6, '0')}`,
  name: i % 2 ? `客户${i}号精密制造股份有限公司${i % 7 === 0 ? '华东区域销售与服务中心' : ''}` : `Account ${i} Manufacturing Co., Ltd.${i % 7 === 0 ? ' East China Sales and Service' : ''}`,
  scores: { attractiveness: (i * 7) % 100, relationship: (i * 11) % 100, value: (i * 13) % 100, composite: (i * 17) % 100 },
  tier: tiers[i % 3],
  abc: 'ABC'[i % 3],
  segment: ['VIP', 'MGC', 'standard'][i % 3],
  quadrant: ['strategic', 'star', 'maintain', 'opportunistic'][i % 4],
  risk: { level: levels[i % 3], points: i % 15, reasons: [] },
  completeness: (i * 3) % 101,
}));
const chalk = new Chalk({ level: 1 });
const times = [];
for (let r = 0; r < runs; r++) {
  gc();
  const start = performance.now();
  const text = scoreTable(accounts, chalk, { width: 80 });
  times.push(performance.now() - start);
  if (text.length === 0) throw new Error('empty table');
}
process.stdout.write(`${[...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]}\n`);
