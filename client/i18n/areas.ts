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
