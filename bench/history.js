// A git repository for the `kam trend` benchmark: `n` accounts, then `revisions - 1` more commits
// that each change `changed` account files (a re-dated action, a new review date, a relationship
// that moves), one day apart.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function historyRepo(root, source, { n, revisions, changed }) {
  if (existsSync(join(root, '.git'))) return root;
  rmSync(root, { recursive: true, force: true });
  cpSync(source, root, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  const git = (date, ...a) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...a], { cwd: root, stdio: 'ignore', env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  const day = (i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10) + 'T12:00:00Z';
  git(day(0), 'init', '-q');
  git(day(0), 'add', '-A');
  git(day(0), 'commit', '-qm', 'base');
  const states = ['good', 'developing', 'very_strong', 'potential'];
  for (let r = 1; r < revisions; r++) {
    for (let k = 0; k < changed; k++) {
      const i = ((r * changed + k) * 37) % n + 1;
      const file = join(root, 'accounts', `acct-${String(i).padStart(6, '0')}.yaml`);
      const text = readFileSync(file, 'utf8')
        .replace(/^reviewed: .*$/m, `reviewed: ${day(r).slice(0, 10)}`)
        .replace(/^ {2}relationship: .*$/m, `  relationship: ${states[(r + k) % states.length]}`)
        .replace(/^(x-bench: ).*\n/m, '');
      writeFileSync(file, `${text}x-bench: ${r}\n`);
    }
    git(day(r), 'commit', '-qam', `change ${r}`);
  }
  return root;
}
