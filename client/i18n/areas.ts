/**
 * The catalogues' areas. Each language's messages are split by area, and each area of each
 * language is a chunk of its own (client/locales/<lang>/<area>.po): a screen loads the areas it
 * shows, in the one language it shows (`screenAreas`), so a tablet in Arabic never downloads the
 * chair's agenda editor in Russian.
 */
export const AREAS = [
  /** The shell every page has: joining, waiting, connection, notices, the language menu. */
  'common',
  /** The delegation's tablet. */
  'tablet',
  /** The room display, the podium and the webcast overlay. */
  'room',
  /** What both officers' consoles share, and the moderator's console. */
  'consoles',
  /** The chair's console, its agenda editor, its devices page. */
  'chair',
  /** The engine's refusals, on the screens that send commands. */
  'refusals',
  /** The report of the meeting. */
  'report',
  /** The join cards. */
  'cards',
] as const;
export type Area = (typeof AREAS)[number];

/** The pages of Rostrum, each with the catalogue areas it reads. */
export type Page =
  | 'join'
  | 'chair'
  | 'moderator'
  | 'display'
  | 'delegate'
  | 'podium'
  | 'overlay'
  | 'report'
  | 'cards'
  | 'devices';

/**
 * The catalogue areas each page reads beyond `common`, which every page reads (the shell, the
 * join page). The benchmark and the budget test weigh each page with these, in each language.
 */
export const PAGE_AREAS: Record<Page, readonly Area[]> = {
  join: [],
  chair: ['consoles', 'chair', 'refusals'],
  moderator: ['consoles', 'refusals'],
  display: ['room'],
  delegate: ['tablet', 'refusals'],
  podium: ['room'],
  overlay: ['room'],
  // `refusals`: what went wrong with a call of the server, said by its error code.
  report: ['report', 'refusals'],
  cards: ['cards', 'refusals'],
  devices: ['chair', 'refusals'],
};
