import { describe, expect, it } from 'vitest';
import {
  OVERLAY_PARAMETERS,
  overlayOptions,
  overlayValue,
} from '../../../client/overlay/overlayOptions';

/**
 * The browser's own check, as the overlay asks it, stands in for a browser that takes anything:
 * what is refused here is refused by the shapes alone, before any browser is asked.
 */
const anything = () => true;
const nothing = () => false;

describe("the overlay's address: styles a production team may set", () => {
  it('takes colours, lengths, fonts and durations of the plain shapes', () => {
    expect(overlayValue('colour', '#ff0000', anything)).toBe('#ff0000');
    expect(overlayValue('colour', '#F00A', anything)).toBe('#F00A');
    expect(overlayValue('colour', 'ff0000', anything)).toBe('#ff0000');
    expect(overlayValue('colour', '009edbcc', anything)).toBe('#009edbcc');
    expect(overlayValue('colour', 'rebeccapurple', anything)).toBe('rebeccapurple');
    expect(overlayValue('colour', 'rgba(0, 0, 0, 0.5)', anything)).toBe('rgba(0, 0, 0, 0.5)');
    expect(overlayValue('colour', 'hsl(200deg 100% 40% / 80%)', anything)).toBe(
      'hsl(200deg 100% 40% / 80%)',
    );
    expect(overlayValue('length', '40px', anything)).toBe('40px');
    expect(overlayValue('length', '2.5vw', anything)).toBe('2.5vw');
    expect(overlayValue('length', '0', anything)).toBe('0');
    expect(overlayValue('font', '"Roboto Condensed", Arial, sans-serif', anything)).toBe(
      '"Roboto Condensed", Arial, sans-serif',
    );
    expect(overlayValue('font', 'Noto Sans Arabic', anything)).toBe('Noto Sans Arabic');
    expect(overlayValue('duration', '300ms', anything)).toBe('300ms');
    expect(overlayValue('duration', '0.5s', anything)).toBe('0.5s');
  });

  it('refuses whatever could add a rule, load a file, reach another property or hide the page', () => {
    const attempts: [Parameters<typeof overlayValue>[0], string][] = [
      ['colour', 'red;}body{display:none'],
      ['colour', 'red; background: url(https://example.org/x.png)'],
      ['colour', 'var(--overlay-ink)'],
      ['colour', 'rgb(0 0 0) url(x)'],
      ['colour', 'rgb(calc(1) 0 0)'],
      ['colour', 'expression(alert(1))'],
      ['colour', '</style><script>alert(1)</script>'],
      ['colour', 'inherit'],
      ['colour', 'initial'],
      ['length', '10px;left:0'],
      ['length', 'calc(100vw - 1px)'],
      ['length', 'url(x)'],
      ['length', '-10px'],
      ['length', '10'],
      ['font', 'serif; color: red'],
      ['font', 'url(https://example.org/font.woff)'],
      ['font', 'a{}'],
      ['font', 'x'.repeat(121)],
      ['duration', '6s'],
      ['duration', '5001ms'],
      ['duration', '1s linear'],
      ['length', ''],
    ];
    for (const [kind, value] of attempts) {
      expect(overlayValue(kind, value, anything), `${kind}: ${value}`).toBeNull();
    }
  });

  it("also refuses what the browser does not read as the parameter's kind", () => {
    expect(overlayValue('colour', 'notacolour', nothing)).toBeNull();
    const asked: [string, string][] = [];
    overlayValue('length', '12vh', (property, value) => {
      asked.push([property, value]);
      return true;
    });
    overlayValue('colour', 'abcdef', (property, value) => {
      asked.push([property, value]);
      return true;
    });
    expect(asked).toEqual([
      ['width', '12vh'],
      ['color', '#abcdef'],
    ]);
  });

  it('sets one custom property a parameter, shows the clock on clock=1, and lists what it left out', () => {
    const options = overlayOptions(
      `?${new URLSearchParams({
        code: 'ABCDE12345',
        accent: '#ff0000',
        size: '40px',
        ink: 'red;}body{display:none',
        clock: '1',
        unknown: 'x',
      })}`,
      anything,
    );
    expect(options).toEqual({
      style: { '--overlay-accent': '#ff0000', '--overlay-size': '40px' },
      clock: true,
      refused: ['ink=red;}body{display:none'],
    });
    expect(overlayOptions('?clock=0', anything).clock).toBe(false);
    expect(overlayOptions('', anything)).toEqual({ style: {}, clock: false, refused: [] });
  });

  it('names a custom property of the overlay for every parameter', () => {
    for (const [name, { property }] of Object.entries(OVERLAY_PARAMETERS)) {
      expect(property, name).toBe(`--overlay-${name}`);
    }
  });
});
