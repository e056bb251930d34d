/** A usage or environment problem (no such folder, unreadable kam.yaml, unknown revision): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
