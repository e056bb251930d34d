import { describe, expect, it } from 'vitest';
import { modeline, schemaFolder } from '../../src/authoring/modeline.js';

describe('the yaml-language-server modeline', () => {
  it("points into kam's own schemas/ when kam is installed in the workspace", () => {
    expect(modeline('account', '/ws/accounts/a.yaml', '/ws', '/ws/node_modules/kam')).toBe(
      '# yaml-language-server: $schema=../node_modules/kam/schemas/account.schema.json',
    );
    expect(modeline('config', '/ws/kam.yaml', '/ws', '/ws/node_modules/kam')).toBe('# yaml-language-server: $schema=node_modules/kam/schemas/config.schema.json');
  });

  it("points into kam's own schemas/ for a workspace inside the package (the bundled examples)", () => {
    expect(modeline('account', '/kam/examples/acme/accounts/a.yaml', '/kam/examples/acme', '/kam')).toBe(
      '# yaml-language-server: $schema=../../../schemas/account.schema.json',
    );
  });

  it("points into the workspace's schemas/ (written by `kam schema`) when kam is installed elsewhere", () => {
    expect(modeline('competitor', '/ws/competitors/g.yaml', '/ws', '/usr/lib/node_modules/kam')).toBe(
      '# yaml-language-server: $schema=../schemas/competitor.schema.json',
    );
    expect(schemaFolder('/ws', '/usr/lib/node_modules/kam')).toEqual({ folder: '/ws/schemas', inWorkspace: true });
    expect(modeline('self', '/ws/self.yaml', '/ws', '/wsx/kam')).toBe('# yaml-language-server: $schema=schemas/self.schema.json');
  });
});
