import { describe, expect, it } from 'vitest';
import { newSpeakerId } from '../../../client/chair/agenda/speakerIds';
import { minutesSeconds, parseMinutesSeconds } from '../../../client/meeting/duration';

describe('allowances typed as minutes and seconds', () => {
  it('reads M:SS and whole minutes', () => {
    expect(parseMinutesSeconds('3:00')).toBe(180_000);
    expect(parseMinutesSeconds(' 4:30 ')).toBe(270_000);
    expect(parseMinutesSeconds('7')).toBe(420_000);
    expect(parseMinutesSeconds('75:05')).toBe(4_505_000);
  });

  it('refuses what is not written so', () => {
    for (const text of ['', '3:60', '3:5', 'three', '-1:00', '1:00:00', '3.5']) {
      expect(parseMinutesSeconds(text)).toBeNull();
    }
  });

  it('writes an allowance back as the inputs show it', () => {
    expect(minutesSeconds(180_000)).toBe('3:00');
    expect(minutesSeconds(150_000)).toBe('2:30');
    expect(minutesSeconds(4_500_000)).toBe('75:00');
  });
});

describe('a new scheduled speaker’s id', () => {
  it('is made from the name, used by nobody else in the item', () => {
    expect(newSpeakerId('Ms. Ana Pérez', new Set())).toBe('ms-ana-perez');
    expect(newSpeakerId('Expert', new Set(['expert', 'expert-2']))).toBe('expert-3');
    expect(newSpeakerId('', new Set())).toBe('speaker');
    expect(newSpeakerId('!!!', new Set(['speaker']))).toBe('speaker-2');
  });
});
