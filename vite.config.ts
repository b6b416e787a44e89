import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The client is built into dist/client and served by the Fastify server (see server/http/static.ts).
export default defineConfig({
  root: 'client',
  // Each catalogue (client/locales/<lang>/<area>.po) compiles to a chunk of precompiled messages;
  // a missing translation or a message that does not compile fails the build.
  plugins: [
    react(),
    lingui({
      configPath: 'client/i18n/lingui.config.ts',
      failOnMissing: true,
      failOnCompileError: true,
    }),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // No inline scripts or modulepreload polyfill: the CSP forbids inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // A catalogue's chunk says its language and area (`fr-tablet-<hash>.js`), so the
        // benchmark and the budget test can weigh a screen in each language.
        chunkFileNames: (chunk) => {
          const po = chunk.facadeModuleId?.match(/locales\/(\w+)\/(\w+)\.po$/);
          return po ? `assets/${po[1]}-${po[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    root: import.meta.dirname,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Three groups, one after the other, so the browser tests do not fight the property tests
    // for the two cores of a CI machine: the engine alone, then real servers, then Chromium.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The screens are built once, before the first browser test (when a browser test runs).
          globalSetup: ['tests/support/clientBuild.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
