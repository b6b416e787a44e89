import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response. The room has no internet and the screens load nothing
 * from elsewhere, so the policy allows only this origin: no inline or evaluated script, no
 * framing. `upgrade-insecure-requests` and HSTS are left out on purpose: the server speaks plain
 * HTTP on the room's network, and either would make browsers ask for an HTTPS that is not there.
 */
const HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      // Join cards draw their QR codes as data: images.
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      // socket.io on the same origin (ws: to this host counts as 'self').
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
} as const;

/** A policy's directives as the header's text, as helmet writes them. */
const policyText = (directives: Record<string, readonly string[]>): string =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join(';');

/**
 * The overlay's page (`/m/<id>/overlay`, docs/overlay.md) is the same policy but for inline
 * styles: a production team styles it with OBS's "Custom CSS", which OBS adds to the page as a
 * <style> element. Scripts stay this origin's only.
 */
export const OVERLAY_CSP = policyText({
  ...HEADERS.contentSecurityPolicy.directives,
  'style-src': ["'self'", "'unsafe-inline'"],
});

export const registerSecurityHeaders = async (app: FastifyInstance): Promise<void> => {
  await app.register(fastifyHelmet, { global: true, ...HEADERS });
};

const applyHeaders = helmet(HEADERS);

/**
 * The same headers on a response that Fastify's hooks never see: requests refused before
 * routing (a malformed URL), which go to Fastify's `frameworkErrors`.
 */
export const applySecurityHeaders = (request: IncomingMessage, response: ServerResponse): void => {
  applyHeaders(request, response, (error?: unknown) => {
    if (error) throw error;
  });
};
