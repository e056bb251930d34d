import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { example, kam, tempWorkspace } from '../helpers.js';

const broken = () =>
  tempWorkspace({
    'kam.yaml': 'version: 1\n',
    'accounts/good.yaml': 'id: good\nname: Good\n',
    'accounts/bad.yaml': 'id: bad\nname: Bad\nstratgy: x\nregion: [unclosed\n',
  });

describe('kam validate --format junit|github|sarif', () => {
  it('junit: a parseable report with one failure per finding, exit 1', async () => {
    const r = await kam(['validate', '-C', broken(), '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    const suite = doc.testsuites.testsuite;
    expect(suite.name).toBe('accounts/bad.yaml');
    expect(Number(suite.failures)).toBeGreaterThan(0);
    expect(JSON.stringify(suite)).toMatch(/yaml\//);
  });

  it('github: one error annotation per finding, exit 1', async () => {
    const r = await kam(['validate', '-C', broken(), '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::error file=accounts\/bad\.yaml,line=\d+,col=\d+,title=yaml\/[a-z-]+::.+$/);
  });

  it('sarif: results in accounts/bad.yaml with the yaml rules described, exit 1', async () => {
    const r = await kam(['validate', '-C', broken(), '--format', 'sarif']);
    expect(r.code).toBe(1);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.tool.driver.name).toBe('kam');
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('accounts/bad.yaml');
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
  });

  it('prints clean reports for a valid workspace, exit 0', async () => {
    const junit = await kam(['validate', '-C', example, '--format', 'junit']);
    expect(junit.code).toBe(0);
    expect(junit.stdout).toMatch(/<testsuites name="kam" tests="0" failures="0"/);
    const github = await kam(['validate', '-C', example, '--format', 'github']);
    expect(github.code).toBe(0);
    expect(github.stdout).toBe('');
    const sarif = await kam(['validate', '-C', example, '--format', 'sarif']);
    expect(sarif.code).toBe(0);
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
  });

  it('lists the CI formats in --help', async () => {
    const r = await kam(['validate', '--help']);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/choices: "stylish", "json", "junit", "github", "sarif"/);
  });
});
