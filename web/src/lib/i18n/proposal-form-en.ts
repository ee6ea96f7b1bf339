/** English messages of the proposal forms' own checks. `satisfies` refuses a missing or an extra key. */
import type { ProposalFormMessages } from './proposal-form-zh.js';

export const proposalFormEn = {
  'new.costInvalid': 'Enter an amount in yuan with at most two decimals, for example 1200.50',
  'new.errorSummary': 'Please fix these ({count}):',
} as const satisfies ProposalFormMessages;
