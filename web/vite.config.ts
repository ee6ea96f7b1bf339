import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/** Run from web/ (SvelteKit reads svelte.config.js from the working directory). */
export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // The contracts live in ../functions/contracts and zod in ../node_modules.
    fs: { allow: ['..'] },
    // `npm start` serves the API on :3000; the dev server forwards /api to it.
    proxy: { '/api': 'http://localhost:3000' },
  },
  // No dynamic-import preload helper (~1.4 KiB on every page): SvelteKit preloads a page's code on
  // hover or tap, and a lazy part's chunks coming one round trip later is cheaper than the helper.
  build: { target: 'es2022', modulePreload: false },
});
