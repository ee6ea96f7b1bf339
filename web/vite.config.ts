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
  build: { target: 'es2022' },
});
