/**
 * Where the parts of a proposal page that are not in its first screen come from. The page fetches
 * this small module only when it first needs one of them (a reader scrolls near it, or is the
 * author, a committee member or staff), so the list of what each part needs is not in the page's
 * first download either; each part is then its own download, with only what it uses.
 */
export const parts = {
  details: () => import('./Details.svelte'),
  answer: () => import('./AnswerSection.svelte'),
  work: () => import('./WorkSection.svelte'),
  withdraw: () => import('./WithdrawBox.svelte'),
  comments: () => import('./Comments.svelte'),
  report: () => import('./ReportProposal.svelte'),
  timeline: () => import('./Timeline.svelte'),
  print: () => import('$lib/components/PrintNotice.svelte'),
};

/** Committee and staff tools: fetched only for people whose roles include committee or staff. */
export const tools = () => import('./tools/index.js');
