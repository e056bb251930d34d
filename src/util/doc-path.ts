/**
 * A document path: a list of mapping keys and sequence indexes (`['contacts', 0, 'name']`), what
 * the schema, the rules and the risk signals name a node by, and the loader turns into a position.
 */
export type PathSegment = string | number;
export type DocPath = readonly PathSegment[];
export interface Position {
  line: number;
  column: number;
}
/** `key`: the key of the entry the path names (unknown keys); `value`: its value, else its key. */
export type Target = 'key' | 'value';
