/**
 * Builds the per-account series of `kam trend` from the replayed revisions, oldest first. Pure: it
 * gets each revision's scored accounts and keeps what it needs of the one before.
 *
 * - Accounts are followed by id; between two revisions a removed and an added account are one
 *   renamed account by `kam diff`'s rename rule (`pairRenames`), so a renamed account keeps one
 *   series. An account whose file is invalid at a revision gets a point without scores there.
 * - Slippage compares an account's plan with its previous valid revision through `kam diff`'s
 *   matching (`accountChanges`): a re-dated open action or objective is a move; an action set to
 *   `done` in a revision dated after its due date was closed late.
 */
import { accountChanges, pairRenames } from '../diff/compare.js';
import type { Account } from '../schema/account.js';
import { daysBetween } from '../today.js';
import { trendFields, type TrendChange, type TrendPoint, type TrendRevision, type TrendSeries, type Trend } from './model.js';

/** One valid account as a revision scored it. */
export interface ScoredAccount {
  id: string;
  name: string;
  /** the account; may be left out when its file is the one of the revision before (`oid`) */
  data?: Account;
  /** its file's blob id: an unchanged file has no plan changes to look for */
  oid: string;
  /** null when the account is not assessed */
  composite: number | null;
  tier: string;
  /** null when the account is not on the matrix (not assessed) */
  quadrant: string | null;
  risk: string;
  completeness: number | null;
}

export interface RevisionAccounts {
  revision: TrendRevision;
  valid: ScoredAccount[];
  /** ids of the account files invalid at this revision */
  invalid: string[];
}

interface Open {
  series: TrendSeries;
  /** the last valid state, for changes and slippage */
  last?: { point: TrendPoint; data: Account; oid: string };
}

const CLOSED = new Set(['done', 'dropped']);

export class SeriesBuilder {
  private byId = new Map<string, Open>();
  private all: Open[] = [];
  private revisions: TrendRevision[] = [];
  /** valid and invalid ids of the previous scored revision */
  private prevValid = new Map<string, ScoredAccount>();
  private prevInvalid = new Set<string>();

  constructor(private settings: Trend['settings']) {}

  private open(id: string, name: string): Open {
    let o = this.byId.get(id);
    if (!o) {
      o = { series: { id, ids: [id], name, points: [], removed: null, slippage: { moves: [], items: 0, days: 0, late: [] } } };
      this.byId.set(id, o);
      this.all.push(o);
    }
    return o;
  }

  /** A revision that could not be scored: listed, no points. */
  skip(revision: TrendRevision): void {
    this.revisions.push(revision);
  }

  add({ revision, valid, invalid }: RevisionAccounts): void {
    this.revisions.push(revision);
    const cur = new Map(valid.map((a) => [a.id, a]));
    const bad = new Set(invalid);
    const removed = [...this.prevValid.values()].filter((a) => !cur.has(a.id) && !bad.has(a.id));
    const added = valid.filter((a) => !this.prevValid.has(a.id) && !this.prevInvalid.has(a.id));
    const renamed = new Map<string, string>();
    const named = (list: ScoredAccount[]) => list.map((a) => ({ ...a, data: { name: a.name } }));
    for (const [from, to] of pairRenames(named(removed), named(added))) {
      const o = this.byId.get(from.id);
      if (!o || this.byId.has(to.id)) continue;
      this.byId.delete(from.id);
      this.byId.set(to.id, o);
      o.series.ids.push(to.id);
      renamed.set(to.id, from.id);
    }
    for (const a of removed) {
      if ([...renamed.values()].includes(a.id)) continue;
      const o = this.byId.get(a.id);
      if (o) o.series.removed = { commit: revision.commit, date: revision.date };
    }

    for (const a of valid) {
      const o = this.open(a.id, a.name);
      const s = o.series;
      s.id = a.id;
      s.name = a.name;
      const data = a.data ?? (o.last?.oid === a.oid ? o.last.data : undefined);
      if (!data) throw new Error(`trend: no data for ${a.id} at ${revision.commit}`);
      s.removed = null;
      const point: TrendPoint = {
        commit: revision.commit,
        date: revision.date,
        id: a.id,
        valid: true,
        composite: a.composite,
        tier: a.tier,
        quadrant: a.quadrant,
        risk: a.risk,
        completeness: a.completeness,
        changes: [],
      };
      const from = renamed.get(a.id);
      if (from !== undefined) point.changes.push({ kind: 'renamed', from, to: a.id });
      if (!o.last) point.changes.push({ kind: 'added' });
      else {
        for (const field of trendFields) {
          if (o.last.point[field] !== point[field]) point.changes.push({ kind: 'field', field, from: o.last.point[field], to: point[field] });
        }
        if (o.last.oid !== a.oid) this.slip(s, o.last.data, data, revision);
      }
      s.points.push(point);
      o.last = { point, data, oid: a.oid };
    }
    for (const id of invalid) {
      const o = this.open(id, this.byId.get(id)?.series.name ?? id);
      o.series.removed = null;
      o.series.points.push({
        commit: revision.commit,
        date: revision.date,
        id,
        valid: false,
        composite: null,
        tier: null,
        quadrant: null,
        risk: null,
        completeness: null,
        changes: [{ kind: 'invalid' }] satisfies TrendChange[],
      });
    }
    this.prevValid = cur;
    this.prevInvalid = bad;
  }

  private slip(s: TrendSeries, before: Account, after: Account, revision: TrendRevision): void {
    const changes = accountChanges(before, after);
    const actionsBefore = new Map((before.plan?.actions ?? []).map((x) => [x.task, x]));
    const moved = (kind: 'action' | 'objective', key: string, from: string | null, to: string | null) => {
      if (from === null || to === null) return;
      s.slippage.moves.push({ kind, key, from, to, days: daysBetween(from, to), commit: revision.commit, date: revision.date });
    };
    for (const o of changes.objectives.redated) moved('objective', o.key, o.from, o.to);
    for (const a of changes.actions.redated) {
      if (!CLOSED.has(actionsBefore.get(a.task)?.status ?? 'planned')) moved('action', a.task, a.from, a.to);
    }
    for (const c of changes.actions.closed) {
      if (c.to !== 'done') continue;
      const due = actionsBefore.get(c.task)?.due;
      if (due !== undefined && due < revision.date) {
        s.slippage.late.push({ task: c.task, due, closed: revision.date, daysLate: daysBetween(due, revision.date), commit: revision.commit });
      }
    }
  }

  /** The trend: every series (sorted by id), its slippage summed. */
  done(): Trend {
    const accounts = this.all.map((o) => o.series);
    for (const s of accounts) {
      s.slippage.items = new Set(s.slippage.moves.map((m) => `${m.kind}\0${m.key}`)).size;
      s.slippage.days = s.slippage.moves.reduce((sum, m) => sum + m.days, 0);
    }
    accounts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { settings: this.settings, revisions: this.revisions, accounts };
  }
}
