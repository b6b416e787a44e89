import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { joinLink, spacedCode } from '../../../client/cards/joinLink';
import { qrRuns } from '../../../client/cards/qrRuns';

describe('a join card', () => {
  it('links to the join page with the code', () => {
    expect(joinLink('http://192.0.2.2:8080', 'f1m539at', '5XS9TM06R3')).toBe(
      'http://192.0.2.2:8080/m/f1m539at/join?code=5XS9TM06R3',
    );
    expect(spacedCode('5XS9TM06R3')).toBe('5XS9T-M06R3');
  });

  it('draws a QR code that reads back as the link', () => {
    const link = 'http://192.0.2.2:8080/m/f1m539at/join?code=5XS9TM06R3';
    const { size, runs } = qrRuns(link);
    // Paint the runs as pixels (4 per module, a quiet zone of 4 modules) and read them back.
    const scale = 4;
    const side = (size + 8) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const run of runs) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < run.width * scale; dx++) {
          const px = (run.x + 4) * scale + dx;
          const py = (run.y + 4) * scale + dy;
          pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
        }
      }
    }
    expect(jsQR(pixels, side, side)?.data).toBe(link);
  });
});
