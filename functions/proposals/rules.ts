/** Pure proposal rules; no I/O. */
import type { ProposalStatus } from '../contracts/proposals.js';

/** Backing counts only while a proposal is open; after that the count is part of the record. */
export const acceptsSupport = (status: ProposalStatus): boolean => status === 'open';

export function explainNoSupport(status: ProposalStatus): string {
  return status === 'withdrawn'
    ? 'This proposal was withdrawn by its author; it can no longer be backed.'
    : `This proposal is ${status.replace('_', ' ')}; backing is only possible while it is open.`;
}
