/**
 * Chinese messages of forms: required/optional tags, the fields' own checks, why a step was
 * refused, and what staff enter when acting for a resident. They download with the forms only
 * (see forms.ts); en's twin is forms-en.ts.
 */
export const formsZh = {
  'new.required': '（必填）',
  'new.optional': '（选填）',
  'new.tooShort': '太短了：至少要写 {minimum} 个字。',
  'new.tooLong': '太长了：最多 {maximum} 个字。',
  'new.serverRejected': '服务器没有接受这一项，请检查后再试。',
  'action.invalid': '有内容没有填好，请检查后再试。',
  'action.signIn': '登录已失效，请重新登录后再试。',
  'action.forbidden': '你没有权限做这一步。',
  'action.gone': '找不到这项内容，可能已被删除。',
  'action.conflict': '提议现在的状态不允许这一步。页面已更新为最新情况，请再看一下。',
  'action.tooLarge': '文件太大了。',
  'action.tooMany': '今天这一项您已经发到上限了。请明天再试，或者请社区工作人员帮您办理。',
  'form.required': '这一项必须填写',
  'form.chooseOne': '请至少选择一项',
  'form.atLeast': '不能小于 {minimum}',
  'form.atMost': '不能大于 {maximum}',
  'form.date': '请选择一个日期',
  'form.endBeforeStart': '完工日期不能早于开工日期',
  'form.invalid': '这一项的格式不对，请检查',
  'behalf.userId': '居民的用户编号',
  'behalf.userIdInvalid': '用户编号只能包含字母、数字、- 和 _',
  'behalf.evidence': '凭据',
} as const;

export type FormsKey = keyof typeof formsZh;
export type FormsMessages = Record<FormsKey, string>;
