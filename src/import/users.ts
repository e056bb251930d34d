/**
 * A Salesforce User export (`--users users.csv`): user names by user id, so that owner ids
 * (`005…`) become the names of people. Recognised by its header: `Id` with `Username` or `Email`,
 * and `Name` or `FirstName`/`LastName`.
 */
import { UsageError } from '../errors.js';
import type { Table } from './csv.js';
import { idKey, normaliseColumn } from './salesforce.js';

/** Names by user id; both the 15- and the 18-character form of an id find the same user. */
export class Users {
  private readonly byId = new Map<string, string>();
  set(id: string, name: string): void {
    this.byId.set(idKey(id), name);
  }
  get(id: string): string | undefined {
    return this.byId.get(idKey(id));
  }
  get size(): number {
    return this.byId.size;
  }
}

const column = (header: readonly string[], ...names: string[]) => {
  const wanted = names.map(normaliseColumn);
  return header.findIndex((h) => wanted.includes(normaliseColumn(h)));
};

/** Whether a header is a Salesforce User export's. */
export function isUserHeader(header: readonly string[]): boolean {
  const has = (...names: string[]) => column(header, ...names) >= 0;
  return has('Id', 'User ID') && has('Username', 'User Name', 'Email') && (has('Name', 'Full Name') || has('LastName', 'Last Name')) && !has('AccountId', 'Account ID');
}

/**
 * A person's name from its parts: `王` `磊` → `王磊`, `Lei` `Wang` → `Lei Wang`. A whole name
 * alone (as `last`) is kept, except that a Chinese name written with a space (`王 磊`) loses it.
 */
export function personName(first: string | undefined, last: string | undefined): string | undefined {
  if (first === undefined && last !== undefined && /^\p{Script=Han}+ \p{Script=Han}+$/u.test(last.trim())) return last.trim().replace(' ', '');
  const [f, l] = [first?.trim() ?? '', last?.trim() ?? ''];
  if (f === '' || l === '') return (f || l) || undefined;
  return /^\p{Script=Han}+$/u.test(f) && /^\p{Script=Han}+$/u.test(l) ? `${l}${f}` : `${f} ${l}`;
}

/** The users of a User export; `file` names it in messages. Inactive users count: they may still own accounts. */
export function readUsers(table: Table, file: string): Users {
  if (!isUserHeader(table.header)) {
    throw new UsageError(`--users ${file}: not a Salesforce User export (expected the columns Id, Username or Email, and Name or FirstName and LastName; it has ${table.header.join(', ')})`);
  }
  const at = {
    id: column(table.header, 'Id', 'User ID'),
    name: column(table.header, 'Name', 'Full Name'),
    first: column(table.header, 'FirstName', 'First Name'),
    last: column(table.header, 'LastName', 'Last Name'),
  };
  const users = new Users();
  for (const { cells } of table.rows) {
    const id = cells[at.id];
    const name = (at.name >= 0 ? personName(undefined, cells[at.name]) : undefined) ?? personName(at.first >= 0 ? cells[at.first] : undefined, at.last >= 0 ? cells[at.last] : undefined);
    if (id && name) users.set(id, name);
  }
  return users;
}
