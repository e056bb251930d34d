/**
 * Regression tests for the adversarial review (issue 20): each case reproduces what the review
 * found and fails without the fix.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, kam, kamProcess, tempWorkspace } from '../helpers.js';
import { change, gitRepo } from '../git-helpers.js';

const SECRET = 'ghp_S3cr3tT0k3nS3cr3tT0k3nS3cr3tT0k3n';
const gitConfig = `[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46${SECRET}\n`;
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('11. paths given to git are literal pathspecs', () => {
  it('diffs a workspace folder named `:(exclude)ws`', async () => {
    const root = gitRepo({
      ':(exclude)ws/kam.yaml': 'version: 1\n',
      ':(exclude)ws/accounts/a.yaml': 'id: a\nname: A\n',
      'other/accounts/b.yaml': 'id: b\nname: B\n',
    });
    change(root, { ':(exclude)ws/accounts/a.yaml': 'id: a\nname: A2\n' }, 'second');
    const r = await kam(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: join(root, ':(exclude)ws') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A2');
    expect(r.stdout).not.toContain('"b"');
  });
});

describe('4. control characters never reach the terminal or a CI log raw', () => {
  const hostileKey = 'x\n::error file=kam.yaml,line=1::INJECTED';
  const hostileName = 'Evil \x1b]0;pwned\x07\x1b[31mCorp';

  it('stylish: a key holding a newline and `::error` prints no line a runner reads as a command', async () => {
    const root = tempWorkspace({ 'accounts/a.yaml': `id: a\nname: A\n${JSON.stringify(hostileKey)}: 1\n` });
    const r = await kam(['check', '-C', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('x\\n::error file=kam.yaml');
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
  });

  it('score and diff show a name with escape sequences escaped', async () => {
    const root = gitRepo({ 'accounts/a.yaml': `id: a\nname: ${JSON.stringify(hostileName)}\n` });
    const score = await kam(['score', '-C', root]);
    expect(score.stdout).not.toContain('\x1b');
    expect(score.stdout).toContain('Evil \\x1b]0;pwned\\x07\\x1b[31mCorp');
    change(root, { 'accounts/a.yaml': `id: a\nname: ${JSON.stringify(hostileName)}\nregion: x\n` }, 'second');
    const diff = await kam(['diff', 'HEAD~1', 'HEAD'], { cwd: root });
    expect(diff.code).toBe(0);
    expect(diff.stdout).not.toContain('\x1b');
    expect(diff.stdout).toContain('\\x1b]0;pwned');
  });
});

describe('1. files behind links: nothing outside the workspace, nothing of .git, quoted', () => {
  it('`ln -s .git/config self.yaml`: a load/outside finding at self.yaml that quotes none of it', async () => {
    const root = gitRepo({ 'accounts/a.yaml': 'id: a\nname: A\n' });
    writeFileSync(join(root, '.git/config'), gitConfig);
    symlinkSync('.git/config', join(root, 'self.yaml'));
    const r = await kam(['check', '-C', root, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error file=self.yaml,line=1,col=1,title=load/outside::');
    expect(r.stdout + r.stderr).not.toContain('eC1hY2Nl');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('kam.yaml and a named account linked outside the workspace are load/outside, and the defaults apply', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'kam-secret-'));
    writeFileSync(join(elsewhere, '.git-credentials'), `https://user:${SECRET}@github.com\n`);
    const root = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n' });
    symlinkSync(join(elsewhere, '.git-credentials'), join(root, 'kam.yaml'));
    symlinkSync(join(elsewhere, '.git-credentials'), join(root, 'accounts/b.yaml'));
    const r = await kam(['validate', '--format', 'json', 'accounts/b.yaml'], { cwd: root });
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain('user:');
    const rules = (JSON.parse(r.stdout) as { file: string; rule: string }[]).map((f) => `${f.file} ${f.rule}`);
    expect(rules).toEqual(['accounts/b.yaml load/outside', 'kam.yaml load/outside']);
  });

  it('a link whose target stays inside the workspace is read', async () => {
    const root = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n', 'shared/self.yaml': 'name: Us\n' });
    symlinkSync('shared/self.yaml', join(root, 'self.yaml'));
    const r = await kam(['validate', '-C', root, '--format', 'json']);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.code).toBe(0);
  });

  it('a file that is not YAML is quoted by a short, sanitised excerpt at most', async () => {
    const root = tempWorkspace({ 'self.yaml': gitConfig.replace('[core]', '[core]\x1b]0;x\x07') });
    const r = await kam(['check', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).not.toContain('eC1hY2Nlc3MtdG9rZW46');
    for (const f of JSON.parse(r.stdout) as { message: string }[]) {
      expect(f.message.length).toBeLessThanOrEqual(200);
      for (const [, quoted] of f.message.matchAll(/"([^"]*)"/g)) expect(Array.from(quoted).length).toBeLessThanOrEqual(16);
    }
  });
});

describe('3. FIFOs, devices and virtual file systems', () => {
  for (const file of ['kam.yaml', 'self.yaml', 'accounts/b.yaml']) {
    it(`a FIFO as ${file} is load/not-a-file and never opened (no hang)`, () => {
      const root = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n' });
      mkfifo(join(root, file));
      const named = file.startsWith('accounts/') ? [file] : [];
      const r = kamProcess(['validate', '--format', 'json', ...named], { cwd: root, timeout: 20_000 });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject([{ file, rule: 'load/not-a-file' }]);
    });
  }

  it('a link to a device (/dev/zero) is refused before it is opened', () => {
    const root = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n', 'dev/.keep': '' });
    symlinkSync('/dev/zero', join(root, 'self.yaml'));
    const r = kamProcess(['validate', '-C', root, '--format', 'json'], { timeout: 20_000 });
    expect(JSON.parse(r.stdout)).toMatchObject([{ file: 'self.yaml', rule: 'load/outside' }]);
  });
});

describe('2. validation cost is linear in the input', () => {
  it('a key of 1,024,000 characters finishes, its message shortened', async () => {
    const root = tempWorkspace({ 'accounts/a.yaml': `id: a\nname: A\n${'k'.repeat(1_024_000)}: 1\n` });
    const r = await kam(['check', '-C', root]);
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeLessThan(10_000);
    expect(r.stdout).toMatch(/kkk…/);
  }, 60_000);

  it('50,000 unknown top-level keys finish, one finding each at its own line', async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `unknown${i}: ${i}`).join('\n');
    const root = tempWorkspace({ 'accounts/a.yaml': `id: a\nname: A\n${keys}\n` });
    const r = await kam(['validate', '-C', root, '--format', 'json']);
    const findings = JSON.parse(r.stdout) as { line: number; rule: string }[];
    expect(findings).toHaveLength(50_000);
    expect(findings.at(-1)).toMatchObject({ line: 50_002, rule: 'schema/unknown-key' });
  }, 60_000);
});

describe('8. file-system errors are usage errors or findings, never a crash', () => {
  for (const folder of ['accounts', 'competitors']) {
    it(`${folder} as a file is a usage error naming it`, async () => {
      const root = tempWorkspace({ 'kam.yaml': 'version: 1\n', [folder]: 'not a folder\n' });
      const r = await kam(['check', '-C', root]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot list ${folder}/`);
      expect(r.stderr).not.toContain('crashed');
    });
  }

  it('an accounts/ folder that cannot be listed (a link loop) is a usage error', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n' });
    symlinkSync('accounts', join(root, 'accounts'));
    const r = await kam(['check', '-C', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot list accounts\/.*too many levels of links/);
  });

  it('a folder named like an account file is load/not-a-file', async () => {
    const root = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n' });
    mkdirSync(join(root, 'kam.yaml'));
    const r = await kam(['validate', '-C', root, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject([{ file: 'kam.yaml', rule: 'load/not-a-file' }]);
  });
});

describe('10. prototype keys in every map are findings', () => {
  it('`rules: { __proto__: off }` in kam.yaml and `financials.revenue: { __proto__: 5 }` are reported', async () => {
    const root = tempWorkspace({
      'kam.yaml': 'version: 1\nrules:\n  __proto__: off\n  constructor: warn\n',
      'accounts/a.yaml': 'id: a\nname: A\nfinancials:\n  revenue:\n    __proto__: 5\n    2025: 100\n',
    });
    const r = await kam(['check', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { file: string; line: number; rule: string }[]).map((f) => `${f.file}:${f.line} ${f.rule}`);
    expect(found).toEqual(expect.arrayContaining(['kam.yaml:3 schema/unknown-key', 'kam.yaml:4 schema/unknown-key', 'accounts/a.yaml:5 schema/unknown-key']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('7. --map paths and CSV headers reach no prototype', () => {
  const csvFile = 'Name,Seg,__proto__,constructor\nAcme,A,kept,also\n';
  for (const path of ['x-crm.__proto__.polluted', '__proto__.x', 'constructor.x', 'toString']) {
    it(`--map "Seg=${path}" is a usage error, nothing polluted`, async () => {
      const root = tempWorkspace({ 'kam.yaml': 'version: 1\n', 'in.csv': csvFile });
      const r = await kam(['import', 'in.csv', '--map', `Seg=${path}`, '--dry-run'], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^kam: --map "Seg=/);
      expect(r.stderr).not.toContain('crashed');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('CSV columns named __proto__ and constructor are kept under x-crm with a safe key', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n', 'in.csv': csvFile });
    const r = await kam(['import', 'in.csv'], { cwd: root });
    expect(r.stderr).not.toContain('crashed');
    const text = readFileSync(join(root, 'accounts/acme.yaml'), 'utf8');
    expect(text).toContain('__proto__ (column): kept');
    expect(text).toContain('constructor (column): also');
  });
});

describe('3. output folders on virtual file systems are usage errors, decided before any write', () => {
  it('`kam plan --out /proc/self` and `--out /sys/kam` are usage errors (no spin, no crash)', () => {
    const root = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n' });
    for (const out of ['/proc/self', '/proc/self/kam-reports', '/sys/kam']) {
      const r = kamProcess(['plan', '-C', root, '--out', out], { timeout: 30_000 });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/virtual file system \((proc|sysfs)\)/);
      expect(r.stderr).not.toContain('crashed');
    }
  });

  it('`kam init /proc/x --yes` is a usage error', () => {
    const r = kamProcess(['init', '/proc/x', '--yes'], { timeout: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/virtual file system/);
  });
});

describe('9. writes check and write in one step', () => {
  it('a file that appeared since the check is never overwritten (create only where none is)', async () => {
    const { writeFileAtomic } = await import('../../src/util/write.js');
    const dir = mkdtempSync(join(tmpdir(), 'kam-race-'));
    const file = join(dir, 'a.md');
    // the check saw no file (expect: null); another process writes one before kam does
    writeFileSync(file, 'theirs\n');
    expect(writeFileAtomic(file, 'ours\n', { expect: null })).toBe('exists');
    expect(readFileSync(file, 'utf8')).toBe('theirs\n');
  });

  it('a generated file changed since the check is not replaced (compare, then rename)', async () => {
    const { seenOf, writeFileAtomic } = await import('../../src/util/write.js');
    const dir = mkdtempSync(join(tmpdir(), 'kam-race-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, 'generated v1\n');
    const seen = seenOf(statSync(file));
    rmSync(file);
    writeFileSync(file, 'someone else wrote this\n'); // a new file (another inode) since the check
    expect(writeFileAtomic(file, 'generated v2\n', { expect: seen })).toBe('changed');
    expect(readFileSync(file, 'utf8')).toBe('someone else wrote this\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});

describe('5. interrupted plans', () => {
  const accounts = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`accounts/a${i}.yaml`, `id: a${i}\nname: A ${i}\n`]));

  it("the next run removes kam's temporary files, says the last run was interrupted, and leaves no journal", async () => {
    const root = tempWorkspace(accounts(2));
    const out = join(root, 'reports');
    mkdirSync(join(out, 'accounts'), { recursive: true });
    writeFileSync(join(out, 'accounts/.a0.md.999999999-0123456789ab.tmp'), 'half');
    writeFileSync(join(out, '.portfolio.md.0123456789ab.tmp'), 'half');
    writeFileSync(join(out, 'accounts/.notes.tmp'), 'not kam’s');
    writeFileSync(join(out, '.kam-plan-journal'), 'kam plan: writing 4 files\n');
    const r = await kam(['plan', '-C', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the last run into .* was interrupted/);
    expect(readdirSync(join(out, 'accounts')).sort()).toEqual(['.notes.tmp', 'a0.md', 'a1.md']);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
    const again = await kam(['plan', '-C', root]);
    expect(again.stderr).toBe('');
  });

  it('SIGTERM during a plan leaves no temporary file, and every report whole', () => {
    const root = tempWorkspace(accounts(400));
    const out = join(root, 'reports');
    for (const delay of [300, 700, 1200]) {
      const r = spawnSync('sh', ['-c', `node ${JSON.stringify(bin)} plan -C ${JSON.stringify(root)} --force & pid=$!; sleep ${delay / 1000}; kill -TERM $pid; wait $pid; echo $?`], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(0);
      const walk = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])) : []);
      const files = walk(out);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      for (const f of files.filter((x) => x.endsWith('.md'))) expect(readFileSync(f, 'utf8')).toMatch(/^<!-- generated by kam plan[\s\S]*\n$/);
    }
  }, 120_000);
});

describe('1. template overrides are workspace files too', () => {
  it('a templates folder that leads out of the workspace is refused, quoting nothing', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'kam-secret-'));
    writeFileSync(join(elsewhere, 'account.md.hbs'), `${SECRET}\n`);
    const root = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n' });
    symlinkSync(elsewhere, join(root, 'templates'));
    const r = await kam(['plan', '-C', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('outside the workspace');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});
