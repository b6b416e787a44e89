import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: string };
}

const root = resolve(import.meta.dirname, '../../..');
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

/** Every package npm installed, nested ones included, with the Node versions it declares. */
const installed = (dir: string): Manifest[] => {
  const found: Manifest[] = [];
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (entry.startsWith('@')) {
      found.push(...installed(path));
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) found.push(JSON.parse(readFileSync(manifest, 'utf8')) as Manifest);
    found.push(...installed(join(path, 'node_modules')));
  }
  return found;
};

describe('a clean install', () => {
  it('installs no package whose engines exclude the Node the project runs on', () => {
    // npm prints EBADENGINE for each of these; `engines` of the project names the lowest Node.
    const lowest = semver.minVersion(project.engines?.node ?? '')?.version;
    expect(lowest).toBeDefined();
    const refusing = installed(join(root, 'node_modules'))
      .filter((p) => p.engines?.node !== undefined)
      .filter((p) => !semver.satisfies(lowest ?? '', p.engines?.node ?? '*'))
      .map((p) => `${p.name}@${p.version} wants node ${p.engines?.node}`);
    expect(refusing).toEqual([]);
  });

  it('runs on the Node it says it needs', () => {
    expect(semver.satisfies(process.versions.node, project.engines?.node ?? '')).toBe(true);
  });
});
