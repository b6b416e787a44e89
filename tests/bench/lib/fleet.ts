/** The parent's side of the client fleets (load/fleet.ts). */
import type {
  CollectResult,
  ConnectParams,
  ConnectResult,
  CountsResult,
  FireResult,
} from '../load/fleet';
import type { MemoryUsage } from './rostrum';
import { type Child, spawnChild } from './rpc';

export class Fleet {
  private constructor(readonly child: Child) {}

  static spawn(name: string): Fleet {
    return new Fleet(spawnChild(name, 'load/fleet.ts'));
  }

  connect(p: ConnectParams): Promise<ConnectResult> {
    return this.child.call<ConnectResult>('connect', p, 180_000);
  }
  collect(version: number, timeoutMs: number): Promise<CollectResult> {
    return this.child.call<CollectResult>('collect', { version, timeoutMs }, timeoutMs + 10_000);
  }
  fire(at: number, command: unknown, timeoutMs: number): Promise<FireResult> {
    return this.child.call<FireResult>('fire', { at, command, timeoutMs }, timeoutMs + 30_000);
  }
  resetCounts(): Promise<void> {
    return this.child.call('resetCounts');
  }
  counts(): Promise<CountsResult> {
    return this.child.call<CountsResult>('counts');
  }
  close(): Promise<{ closed: number }> {
    return this.child.call<{ closed: number }>('close', null, 30_000);
  }
  memory(): Promise<MemoryUsage> {
    return this.child.call<MemoryUsage>('memory');
  }
  stop(): Promise<void> {
    return this.child.stop();
  }
}

/** Splits tokens across fleets, as evenly as possible. */
export const split = <T>(items: readonly T[], parts: number): T[][] =>
  Array.from({ length: parts }, (_, p) => items.filter((_, i) => i % parts === p));

/** Connects every fleet's share; throws if any client could not connect. */
export const connectAll = async (
  fleets: Fleet[],
  base: Omit<ConnectParams, 'tokens'>,
  tokens: string[],
): Promise<ConnectResult[]> => {
  const shares = split(tokens, fleets.length);
  const results = await Promise.all(
    fleets.map((f, i) => f.connect({ ...base, tokens: shares[i] as string[] })),
  );
  const failed = results.reduce((a, r) => a + r.failed, 0);
  if (failed > 0) {
    throw new Error(
      `${failed} of ${tokens.length} ${base.kind} clients did not connect: ${results.find((r) => r.firstError)?.firstError ?? ''}`,
    );
  }
  return results;
};
