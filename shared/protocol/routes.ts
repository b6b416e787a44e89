/**
 * Where each route of the HTTP API is (docs/protocol.md, "HTTP"): its method and its path,
 * without zod, for the screens to call them without loading the schemas. ./contract.ts adds to
 * each route who may call it, the schemas of its params and body and what it answers
 * (`HTTP_ROUTES`), and holds it to this list, name for name.
 */

export interface RoutePlace {
  method: 'GET' | 'POST' | 'DELETE';
  /** The whole path, with Fastify's `:name` parameters. */
  path: string;
}

const at = <const P extends RoutePlace>(place: P): P => place;

export const ROUTE_PLACES = {
  health: at({ method: 'GET', path: '/api/health' }),
  createMeeting: at({ method: 'POST', path: '/api/meetings' }),
  listMeetings: at({ method: 'GET', path: '/api/meetings' }),
  roster: at({ method: 'GET', path: '/api/meetings/:id/roster' }),
  groups: at({ method: 'GET', path: '/api/meetings/:id/groups' }),
  join: at({ method: 'POST', path: '/api/meetings/:id/join' }),
  joinByCode: at({ method: 'POST', path: '/api/join' }),
  record: at({ method: 'GET', path: '/api/meetings/:id/record' }),
  recordCsv: at({ method: 'GET', path: '/api/meetings/:id/record.csv' }),
  requestsCsv: at({ method: 'GET', path: '/api/meetings/:id/requests.csv' }),
  steps: at({ method: 'GET', path: '/api/meetings/:id/steps' }),
  report: at({ method: 'GET', path: '/api/meetings/:id/report' }),
  codes: at({ method: 'GET', path: '/api/meetings/:id/codes' }),
  signOut: at({ method: 'POST', path: '/api/meetings/:id/delegations/:delegationId/sign-out' }),
  rotateCode: at({ method: 'POST', path: '/api/meetings/:id/codes/rotate' }),
  devices: at({ method: 'GET', path: '/api/meetings/:id/devices' }),
  audit: at({ method: 'GET', path: '/api/meetings/:id/audit' }),
  command: at({ method: 'POST', path: '/api/meetings/:id/commands' }),
  state: at({ method: 'GET', path: '/api/meetings/:id/state' }),
  createHook: at({ method: 'POST', path: '/api/meetings/:id/hooks' }),
  hooks: at({ method: 'GET', path: '/api/meetings/:id/hooks' }),
  deleteHook: at({ method: 'DELETE', path: '/api/meetings/:id/hooks/:hookId' }),
} as const;

export type HttpRouteName = keyof typeof ROUTE_PLACES;

/** A route's path with its parameters filled in, each encoded as a path segment. */
export const pathOf = (route: RoutePlace, params: Record<string, string> = {}): string =>
  route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
