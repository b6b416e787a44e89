import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from './errors';
import { OVERLAY_CSP } from './security';

/** Paths the screens never own: the API and socket.io. */
const isServerPath = (path: string): boolean =>
  path === '/api' || path.startsWith('/api/') || path.startsWith('/socket.io');

/** The overlay, a webcast mixer's browser source (docs/overlay.md). */
const OVERLAY_PATH = /^\/m\/[^/]+\/overlay\/?$/;

/**
 * The built screens (dist/client), and the single-page fallback: any other GET is the app's
 * index.html, so /m/<id>/join?code=... opens the join screen. Without a build the API still
 * runs, and those paths answer 404 saying why. The fallback is the whole server's not-found
 * handler, so this plugin is not encapsulated.
 */
const clientPlugin: FastifyPluginAsync<{ clientDir: string }> = async (app, { clientDir }) => {
  const hasClient = existsSync(join(clientDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      prefix: '/',
      // The header is ours alone (below): @fastify/send would otherwise overwrite it.
      cacheControl: false,
      // Built assets have hashed names and never change; index.html must always be fresh.
      // @fastify/static hands over the raw response here, not Fastify's reply.
      setHeaders: (response, path) => {
        const hashed = path.includes(`${sep}assets${sep}`);
        response.setHeader(
          'cache-control',
          hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  // Rate-limited like every route: the single-page fallback and 404s are requests too.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (isRead && !isServerPath(path)) {
      if (hasClient && OVERLAY_PATH.test(path)) {
        // Transparent from the first paint (client/styles/overlayPage.css), and open to the
        // production team's own stylesheet.
        const page = await readFile(join(clientDir, 'index.html'), 'utf8');
        return reply
          .header('cache-control', 'no-cache')
          .header('content-security-policy', OVERLAY_CSP)
          .type('text/html; charset=utf-8')
          .send(page.replace('<html', '<html data-see-through'));
      }
      if (hasClient) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return sendError(
        reply,
        'not_found',
        'The screens are not built on this server (run npm run build:client); the API is at /api.',
      );
    }
    return sendError(reply, 'not_found', `Nothing at ${request.method} ${path.slice(0, 200)}.`);
  });
};

export const registerClient = fp(clientPlugin, { name: 'rostrum-client', fastify: '5.x' });
