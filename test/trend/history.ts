/** A scripted git history of a small workspace for the `kam trend` tests: every kind of change, one commit a month. */
import { execFileSync } from 'node:child_process';
import { writeFiles } from '../git-helpers.js';
import { tempWorkspace } from '../helpers.js';

export function gitAt(cwd: string, date: string, ...args: string[]): string {
  const when = `${date}T12:00:00Z`;
  return execFileSync('git', ['-c', 'user.name=Kam Test', '-c', 'user.email=kam@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
  });
}

/** Writes (or, for null, deletes) files and commits them at `date`; returns the commit. */
export function commitAt(root: string, date: string, message: string, files: Record<string, string | null>): string {
  writeFiles(root, files);
  gitAt(root, date, 'add', '-A');
  gitAt(root, date, 'commit', '-q', '--allow-empty', '-m', message);
  return gitAt(root, date, 'rev-parse', 'HEAD').trim();
}

/** An assessment and contacts that make an account score high. */
export const strong = `assessment:
  attractiveness: high
  potential: { volume: high, margin: high }
  relationship: very_strong
  relationship_level: strategic
contacts:
  - { name: A, role: decision_maker, level: executive, owner: X }
  - { name: B, role: influencer, level: manager, owner: Y }
  - { name: C, role: user, level: operational, owner: Y }
`;
const weak = `assessment:
  attractiveness: low
  potential: { volume: low, margin: low }
  relationship: limited
`;

export const account = (id: string, name: string, revenue: number, body: string, plan = '') =>
  `id: ${id}\nname: ${name}\nfinancials: { revenue: { 2025: ${revenue} } }\n${body}${plan}`;

const actions = (due: string, status: string) => `plan:
  summary: grow
  objectives:
    - { id: grow, text: Grow, target: 1, due: 2026-12-31 }
  actions:
    - { task: Workshop, owner: X, due: ${due}, status: ${status} }
`;

/** The commits, oldest first, and the repository. */
export function scriptedHistory(): { root: string; commits: string[] } {
  const root = tempWorkspace({});
  gitAt(root, '2026-01-10', 'init', '-q');
  const commits = [
    commitAt(root, '2026-01-10', 'start', {
      'kam.yaml': 'version: 1\ncompany: Test Co.\n',
      'accounts/alpha.yaml': account('alpha', 'Alpha', 900, strong, actions('2026-02-01', 'planned')),
      'accounts/beta.yaml': account('beta', 'Beta', 500, weak),
      'accounts/gamma.yaml': account('gamma', 'Gamma', 100, weak),
    }),
    // alpha's action re-dated (+42 days); beta becomes a key account
    commitAt(root, '2026-02-10', 'redate and promote', {
      'accounts/alpha.yaml': account('alpha', 'Alpha', 900, strong, actions('2026-03-15', 'in_progress')),
      'accounts/beta.yaml': account('beta', 'Beta', 950, strong),
    }),
    // alpha's action closed five days late; delta added
    commitAt(root, '2026-03-20', 'close late, add delta', {
      'accounts/alpha.yaml': account('alpha', 'Alpha', 900, strong, actions('2026-03-15', 'done')),
      'accounts/delta.yaml': account('delta', 'Delta', 50, weak),
    }),
    // gamma renamed to gamma-industries (same name); delta removed
    commitAt(root, '2026-04-10', 'rename gamma, remove delta', {
      'accounts/gamma.yaml': null,
      'accounts/gamma-industries.yaml': account('gamma-industries', 'Gamma', 100, weak),
      'accounts/delta.yaml': null,
    }),
    // beta broken, then mended (and back to ordinary)
    commitAt(root, '2026-05-10', 'break beta', { 'accounts/beta.yaml': 'id: beta\nname: [Beta\n' }),
    commitAt(root, '2026-06-10', 'mend beta', { 'accounts/beta.yaml': account('beta', 'Beta', 500, weak) }),
  ];
  // not a workspace file: not a revision of the trend
  commitAt(root, '2026-06-20', 'readme', { 'README.md': 'notes\n' });
  return { root, commits };
}
