/**
 * Chinese messages of the proposal forms' own checks (a cost in yuan, the summary of what to fix):
 * the resident's proposal form and the committee's answer form; added by proposal-form.ts. en's
 * twin is proposal-form-en.ts.
 */
export const proposalFormZh = {
  'new.costInvalid': '请填写金额数字，最多两位小数，例如 1200.50',
  'new.errorSummary': '有 {count} 处需要修改：',
} as const;

export type ProposalFormKey = keyof typeof proposalFormZh;
export type ProposalFormMessages = Record<ProposalFormKey, string>;
