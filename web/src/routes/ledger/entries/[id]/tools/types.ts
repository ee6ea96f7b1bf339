/** The staff tools, as the page sees them once loaded (a type only: no code is pulled in). */
export type Tools = typeof import('./index.js');
