import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

/**
 * docs/integrations.md promises that its `curl` examples run as written against `npm start`'s
 * default meeting. This runs every `sh` block of its control API part, in order, in one bash, against a real
 * server that made its default meeting, with only the server's address and the two codes put in;
 * each command's output must be the answer the page shows under it (`…` stands for what differs
 * from run to run: a token, a meeting id, an instant).
 */

const DOC = 'docs/integrations.md';

/**
 * The page's first half, the control API, whose examples drive `npm start`'s meeting. The second
 * half (webhooks and OSC) shows addresses of the documentation ranges (192.0.2.x) to adapt, and
 * tests/integration/{webhooks,osc}.test.ts check what it says against real receivers.
 */
const controlApiPart = (): string =>
  readFileSync(DOC, 'utf8').split('\n## What Rostrum sends')[0] ?? '';

/** One command of the page (its lines, continuations included) and the answer shown under it. */
interface Step {
  command: string;
  expected: string[];
}

/** The `sh` blocks of a Markdown page, in order. */
const shellBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');

/**
 * A block's commands: a command is a line and those its trailing backslashes continue; the `# `
 * lines right under it are what it prints.
 */
const stepsOf = (block: string): Step[] => {
  const steps: Step[] = [];
  let continuing = false;
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue;
    const last = steps[steps.length - 1];
    if (continuing && last) {
      last.command += `\n${line}`;
    } else if (line.startsWith('# ') && last) {
      last.expected.push(line.slice(2));
    } else {
      steps.push({ command: line, expected: [] });
    }
    continuing = line.endsWith('\\');
  }
  return steps;
};

/** An answer shown in the page as a pattern: `…` is anything, the rest is literal. */
const patternOf = (shown: string): RegExp =>
  new RegExp(
    `^${shown
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** Puts this server's address and codes where the page has its examples' own. */
const withSetting = (command: string, name: string, value: string): string =>
  command.replace(new RegExp(`^${name}=\\S+`), `${name}=${value}`);

describe('docs/integrations.md', () => {
  let server: TestServer;
  let codes: { chair: string; moderator: string };

  beforeAll(async () => {
    server = await startServer();
    const meetingId = server.app.rostrum.createdOnStart;
    if (meetingId === undefined) throw new Error('no default meeting');
    codes = await server.app.rostrum.registry.codes(meetingId);
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads its commands and the answers shown under them', () => {
    const steps = shellBlocks(controlApiPart()).flatMap(stepsOf);
    expect(steps.length).toBeGreaterThan(15);
    const next = steps.find((s) => s.command.includes('"type":"floor.next"'));
    expect(next?.command.split('\n')).toHaveLength(3);
    expect(next?.expected).toEqual(['{"ok":true,"version":5} 200']);
    expect(
      patternOf('{"token":"…","role":"moderator"}').test('{"token":"a.b","role":"moderator"}'),
    ).toBe(true);
    expect(patternOf('{"ok":true,"version":5} 200').test('{"ok":true,"version":15} 200')).toBe(
      false,
    );
  });

  it('runs every curl example as written against the default meeting, each answering what the page shows', async () => {
    const settings: [string, string][] = [
      ['ROSTRUM', server.url],
      ['MODERATOR_CODE', codes.moderator],
      ['CHAIR_CODE', codes.chair],
    ];
    const steps = shellBlocks(controlApiPart())
      .flatMap(stepsOf)
      .map((step) => ({
        ...step,
        command: settings.reduce((c, [name, value]) => withSetting(c, name, value), step.command),
      }));
    // Each setting is in the page, and was replaced.
    for (const [name, value] of settings) {
      expect(steps.filter((s) => s.command.startsWith(`${name}=${value}`))).toHaveLength(1);
    }
    const script = [
      'set -u',
      ...steps.flatMap((step, i) => [`printf '\\n@@step %d\\n' ${i}`, step.command]),
    ].join('\n');
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { timeout: 30_000 });
    const outputs = stdout.split(/\n@@step \d+\n/).slice(1);
    expect(outputs).toHaveLength(steps.length);
    steps.forEach((step, i) => {
      const printed = (outputs[i] ?? '').split('\n').filter((line) => line !== '');
      const where = `${step.command}\nprinted: ${printed.join('\n').slice(0, 300)}`;
      expect(printed.length, where).toBe(step.expected.length);
      step.expected.forEach((shown, j) => {
        expect(printed[j], where).toMatch(patternOf(shown));
      });
    });
  });
});
