import { describe, expect, it } from 'vitest';
import { newCommandId } from '../../../client/live/commandId';
import { CommandId } from '../../../shared/protocol/commands';

describe("a screen's command ids", () => {
  it('are what the contract accepts: 1 to 64 printable characters', () => {
    for (let i = 0; i < 100; i++) {
      const id = newCommandId();
      expect(CommandId.safeParse(id).success).toBe(true);
      expect(id).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('are never the same twice: 128 random bits each', () => {
    const ids = Array.from({ length: 10_000 }, newCommandId);
    expect(new Set(ids).size).toBe(ids.length);
    // Every hex digit turns up in every place: the bits are random, not a counter or a clock.
    for (let place = 0; place < 32; place++) {
      expect(new Set(ids.map((id) => id[place])).size).toBe(16);
    }
  });
});
