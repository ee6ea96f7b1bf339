import adapter from '@sveltejs/adapter-static';

/** Every page without per-user data is prerendered; the rest fall back to 200.html (a SPA shell). */
/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', precompress: false, strict: true }),
    // The contracts are zod schemas shared with the API; they import only zod.
    alias: { $contracts: '../functions/contracts' },
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    // A page's stylesheets (~12 KB, five or so files) go inline in its HTML: on a slow phone
    // network each blocking stylesheet costs a round trip before the first paint. The CSP allows
    // inline styles (infra/security-headers.ts).
    inlineStyleThreshold: 16384,
  },
  // No `window.__svelte` version stamp: it would ride along on every page for nobody.
  compilerOptions: { runes: true, discloseVersion: false },
};
