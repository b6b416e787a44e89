/**
 * What a production team sets in the overlay's address (docs/overlay.md): each styling parameter
 * sets one CSS custom property of the lower third (client/styles/overlay.css), and `clock=1`
 * shows the clock. A value is taken only when it is a plain value of its kind (a colour, a length,
 * a font family, a duration): no `;`, braces, `url()`, `var()` or any other function but the
 * colour functions, and the browser must read it as that kind too. Anything else is left out and
 * said on the console (OBS writes a browser source's console to its log), so the lower third keeps
 * its own value: nothing in an address can add a rule, load a file or hide the page.
 */

type ValueKind = 'colour' | 'length' | 'font' | 'duration';

export interface OverlayParameter {
  /** The custom property the parameter sets. */
  property: `--overlay-${string}`;
  kind: ValueKind;
}

/** The parameters, by name in the address. */
export const OVERLAY_PARAMETERS = {
  /** The bar along the lower third's left edge, and the kind's tag. */
  accent: { property: '--overlay-accent', kind: 'colour' },
  /** The kind's words on the accent. */
  'accent-ink': { property: '--overlay-accent-ink', kind: 'colour' },
  /** Behind the words (a colour with alpha lets the picture through). */
  background: { property: '--overlay-background', kind: 'colour' },
  /** The speaker's name and the clock while time is left. */
  ink: { property: '--overlay-ink', kind: 'colour' },
  /** The delegation, the group spoken for, a scheduled speaker's role. */
  muted: { property: '--overlay-muted', kind: 'colour' },
  /** A font family list, of fonts installed on the mixer's computer. */
  font: { property: '--overlay-font', kind: 'font' },
  /** The speaker's name; every other size follows it. */
  size: { property: '--overlay-size', kind: 'length' },
  /** From the picture's left edge to the lower third. */
  left: { property: '--overlay-left', kind: 'length' },
  /** From the picture's bottom edge to the lower third. */
  bottom: { property: '--overlay-bottom', kind: 'length' },
  /** The widest the lower third grows before long names wrap. */
  width: { property: '--overlay-width', kind: 'length' },
  radius: { property: '--overlay-radius', kind: 'length' },
  padding: { property: '--overlay-padding', kind: 'length' },
  /** How long it takes to appear and to go; at most 5 s. */
  duration: { property: '--overlay-duration', kind: 'duration' },
} as const satisfies Record<string, OverlayParameter>;

export type OverlayParameterName = keyof typeof OVERLAY_PARAMETERS;

/** The longest value taken: a font family list of several names. */
const MAX_VALUE = 120;

/** The longest fade: the lower third's words are kept that long after the turn ends. */
export const MAX_DURATION_MS = 5_000;

/** Keywords every property takes, which would make a custom property inherit or vanish. */
const CSS_WIDE = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);

const SHAPES: Record<ValueKind, RegExp> = {
  // #rgb, #rgba, #rrggbb, #rrggbbaa; a named colour; rgb(), rgba(), hsl(), hsla() of numbers.
  colour:
    /^(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|[a-z]{3,20}|(?:rgba?|hsla?)\([0-9a-z.,%\s/+-]{1,60}\))$/i,
  // A number and a unit of the screen or of type; 0 alone.
  length: /^(?:0|\d{1,4}(?:\.\d{1,3})?(?:px|em|rem|vw|vh|vmin|vmax|%))$/,
  // Names, quoted or not, separated by commas: letters of any script, digits, spaces, hyphens.
  font: /^[\p{L}\p{N} ,'"_-]{1,120}$/u,
  duration: /^\d{1,5}(?:\.\d{1,3})?(?:ms|s)$/,
};

/** A real property of each kind, that the browser checks the value against. */
const CHECKED_AS: Record<ValueKind, string> = {
  colour: 'color',
  length: 'width',
  font: 'font-family',
  duration: 'transition-duration',
};

const durationMs = (value: string): number =>
  value.endsWith('ms') ? Number(value.slice(0, -2)) : Number(value.slice(0, -1)) * 1000;

/**
 * The value as the property takes it, or null. `supports` is the browser's `CSS.supports`; a
 * bare hex colour (`ff0000`, the `#` left out of an address) is read as one.
 */
export const overlayValue = (
  kind: ValueKind,
  raw: string,
  supports: (property: string, value: string) => boolean,
): string | null => {
  let value = raw.trim();
  if (value === '' || value.length > MAX_VALUE || CSS_WIDE.has(value.toLowerCase())) return null;
  if (kind === 'colour' && /^(?:[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value)) value = `#${value}`;
  if (!SHAPES[kind].test(value)) return null;
  if (kind === 'duration' && durationMs(value) > MAX_DURATION_MS) return null;
  return supports(CHECKED_AS[kind], value) ? value : null;
};

export interface OverlayOptions {
  /** The custom properties to set on the overlay, from the address. */
  style: Record<string, string>;
  /** `clock=1`: the speaking time beside the names. */
  clock: boolean;
  /** The parameters left out, with their values, to say on the console. */
  refused: string[];
}

/** The overlay's options from its address's query. */
export const overlayOptions = (
  search: string,
  supports: (property: string, value: string) => boolean,
): OverlayOptions => {
  const query = new URLSearchParams(search);
  const style: Record<string, string> = {};
  const refused: string[] = [];
  for (const [name, { property, kind }] of Object.entries(OVERLAY_PARAMETERS)) {
    const raw = query.get(name);
    if (raw === null) continue;
    const value = overlayValue(kind, raw, supports);
    if (value === null) refused.push(`${name}=${raw.slice(0, MAX_VALUE)}`);
    else style[property] = value;
  }
  const clock = query.get('clock');
  return { style, clock: clock === '1' || clock === 'true', refused };
};
