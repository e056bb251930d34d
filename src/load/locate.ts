/**
 * Document paths to source positions. A path is a list of mapping keys and sequence indexes
 * (`['contacts', 0, 'name']`); `locate` answers the position of the node it names, or of its
 * closest existing parent when it is missing, so a finding always points somewhere real.
 *
 * Two sources of nodes: the events js-yaml reports while it parses (the fast path) and eemeli's
 * document nodes (the slow path, for files with anchors or broken syntax). Both come down to an
 * offset; `LineIndex` turns offsets into 1-based line and column.
 */
import type { Document, Node as YamlNode } from 'yaml';
import type { DocPath, PathSegment, Position, Target } from '../util/doc-path.js';
import { eemeli } from './eemeli.js';

export type { DocPath, PathSegment, Position, Target };

export interface Locator {
  locate(path: DocPath, target?: Target): Position;
}

/** Offsets to 1-based line/column by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

const START: Position = { line: 1, column: 1 };

/** Skips white space and comments from an offset to where a node's content starts. */
function skipBlank(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
    } else break;
  }
  return i;
}

/** Records js-yaml's `listener` events with almost no cost; builds a tree only when asked. */
export class EventRecorder {
  readonly marks: number[] = [];
  readonly results: unknown[] = [];
  readonly kinds: (string | null)[] = [];
  readonly listener = (type: 'open' | 'close', state: { position: number; result: unknown; kind: string | null }) => {
    if (type === 'open') this.marks.push(state.position);
    else {
      this.marks.push(-1 - state.position);
      this.results.push(state.result);
      this.kinds.push(state.kind);
    }
  };
}

/**
 * The recorded events as a tree without an object per node: node `n` is the n-th `open` event,
 * with its first child and next sibling (-1: none) and the index of its `close` event, which
 * holds its kind and value.
 */
interface EventTree {
  start: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  closed: Int32Array;
}

function buildTree(rec: EventRecorder): EventTree {
  const n = rec.results.length;
  const tree: EventTree = { start: new Int32Array(n), firstChild: new Int32Array(n).fill(-1), nextSibling: new Int32Array(n).fill(-1), closed: new Int32Array(n) };
  const lastChild = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let opened = 0;
  let closed = 0;
  for (const mark of rec.marks) {
    if (mark >= 0) {
      const node = opened++;
      tree.start[node] = mark;
      const parent = stack.length > 0 ? stack[stack.length - 1] : -1;
      if (parent !== -1) {
        if (lastChild[parent] === -1) tree.firstChild[parent] = node;
        else tree.nextSibling[lastChild[parent]] = node;
        lastChild[parent] = node;
      }
      stack.push(node);
    } else tree.closed[stack.pop()!] = closed++;
  }
  return tree;
}

export class EventLocator implements Locator {
  private tree: EventTree | null = null;
  private lines: LineIndex | null = null;
  constructor(
    private readonly text: string,
    private readonly recorder: EventRecorder,
  ) {}

  /** each mapping's keys (last of duplicates wins) and each sequence's entries, built when first asked */
  private readonly keys = new Map<number, Map<string, number>>();
  private readonly entries = new Map<number, Int32Array>();

  private kind = (node: number) => this.recorder.kinds[this.tree!.closed[node]];

  /** The key node of `seg` in mapping `node`, through a map: many findings in one mapping cost linear time. */
  private keyOf(node: number, seg: PathSegment): number {
    let byKey = this.keys.get(node);
    if (!byKey) {
      byKey = new Map();
      const { firstChild, nextSibling } = this.tree!;
      for (let k = firstChild[node]; k !== -1 && nextSibling[k] !== -1; k = nextSibling[nextSibling[k]]) {
        const key = this.result(this.unwrap(k));
        if (key !== null && key !== undefined) byKey.set(String(key), k);
      }
      this.keys.set(node, byKey);
    }
    return byKey.get(String(seg)) ?? -1;
  }

  /** The `index`-th entry of sequence `node`, or -1. */
  private entryOf(node: number, index: number): number {
    let list = this.entries.get(node);
    if (!list) {
      const { firstChild, nextSibling } = this.tree!;
      const found: number[] = [];
      for (let child = firstChild[node]; child !== -1; child = nextSibling[child]) found.push(child);
      this.entries.set(node, (list = Int32Array.from(found)));
    }
    return index >= 0 && index < list.length ? list[index] : -1;
  }
  private result = (node: number) => this.recorder.results[this.tree!.closed[node]];

  /** A node that only wraps another (js-yaml opens a sequence entry and then its scalar). */
  private unwrap(node: number): number {
    const { firstChild, nextSibling } = this.tree!;
    for (;;) {
      const child = firstChild[node];
      if (child === -1 || nextSibling[child] !== -1) return node;
      const kind = this.kind(node);
      if (this.result(child) !== this.result(node) && (kind === 'mapping' || kind === 'sequence')) return node;
      node = child;
    }
  }

  locate(path: DocPath, target: Target = 'value'): Position {
    this.tree ??= buildTree(this.recorder);
    const { nextSibling } = this.tree;
    let node = this.recorder.results.length > 0 ? this.unwrap(0) : -1;
    let at = -1; // the node a found path points to; -1: the file start
    for (let i = 0; node !== -1 && i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      const kind = this.kind(node);
      if (kind === 'mapping') {
        // the last of duplicate keys wins, as in the parsed value
        const found = this.keyOf(node, seg);
        if (found === -1) break;
        const key = this.unwrap(found);
        const value = this.unwrap(nextSibling[found]);
        at = last && target === 'value' && this.kind(value) === 'scalar' ? value : key;
        node = value;
      } else if (kind === 'sequence' && typeof seg === 'number') {
        const child = this.entryOf(node, seg);
        if (child === -1) break;
        node = this.unwrap(child);
        at = node;
      } else break;
    }
    if (at === -1) return START;
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(skipBlank(this.text, this.tree.start[at]));
  }
}

/** Positions from eemeli's document nodes (slow path: anchors, aliases, recovered errors). */
export class DocumentLocator implements Locator {
  private lines: LineIndex | null = null;
  /** each mapping's pairs by key (first of duplicates, as before), built when first asked */
  private readonly pairs = new WeakMap<object, Map<string, unknown>>();
  constructor(
    private readonly text: string,
    private readonly doc: Document,
  ) {}

  locate(path: DocPath, target: Target = 'value'): Position {
    const { isAlias, isMap, isPair, isScalar, isSeq } = eemeli();
    let node: unknown = this.doc.contents;
    let at: number | undefined;
    for (let i = 0; node && i < path.length; i++) {
      if (isAlias(node)) node = node.resolve(this.doc);
      const seg = path[i];
      if (isMap(node)) {
        let byKey = this.pairs.get(node);
        if (!byKey) {
          byKey = new Map();
          for (const p of node.items) {
            const k = isPair(p) ? (isScalar(p.key) ? p.key.value : p.key) : undefined;
            if (k !== null && k !== undefined && !byKey.has(String(k))) byKey.set(String(k), p);
          }
          this.pairs.set(node, byKey);
        }
        const pair = byKey.get(String(seg)) as { key: unknown; value: unknown } | undefined;
        if (!pair) break;
        const key = pair.key as YamlNode | null;
        const value = pair.value as YamlNode | null;
        const last = i === path.length - 1;
        at = last && target === 'value' && isScalar(value) && value.range && value.range[1] > value.range[0] ? value.range[0] : key?.range?.[0];
        node = value;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        node = node.items[seg];
        at = (node as YamlNode | null)?.range?.[0] ?? at;
      } else break;
    }
    if (at === undefined) return START;
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(at);
  }
}

/** For files that never parsed: everything points at the start. */
export const startLocator: Locator = { locate: () => START };
