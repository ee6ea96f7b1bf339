export * from './common.js';
export * from './health.js';
export * from './me.js';
export * from './proposals.js';
export * from './proposal-actions.js';
export * from './comments.js';
