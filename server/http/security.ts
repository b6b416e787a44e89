import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response. The room has no internet and the screens load nothing
 * from elsewhere, so the policy allows only this origin: no inline or evaluated script, no
 * framing. `upgrade-insecure-requests` and HSTS are left out on purpose: the server speaks plain
 * HTTP on the room's network, and either would make browsers ask for an HTTPS that is not there.
 */
export const registerSecurityHeaders = async (app: FastifyInstance): Promise<void> => {
  await app.register(helmet, {
    global: true,
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
  });
};
