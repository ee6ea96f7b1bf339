/** The request schemas of the residents' forms on a proposal page; see form-schemas.svelte.ts. */
export { CreateCommentBody, ReportBody } from '$contracts/comments.js';
export { ObjectionBody, WithdrawBody } from '$contracts/proposal-actions.js';
