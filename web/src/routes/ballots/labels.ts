/** Message keys for the ballots contract's enums and options, written out so every key is visibly used. */
import type { BallotOption, BallotStatus, Choice, Matter } from '$contracts/ballots.js';
import { t, type MessageKey } from '$lib/i18n/index.svelte.js';

export const matterKey = {
  'procedure-rules': 'ballots.matter.procedure-rules',
  'management-rules': 'ballots.matter.management-rules',
  committee: 'ballots.matter.committee',
  'property-company': 'ballots.matter.property-company',
  'use-maintenance-fund': 'ballots.matter.use-maintenance-fund',
  'raise-maintenance-fund': 'ballots.matter.raise-maintenance-fund',
  rebuild: 'ballots.matter.rebuild',
  'common-use-change': 'ballots.matter.common-use-change',
  other: 'ballots.matter.other',
} as const satisfies Record<Matter, MessageKey>;
export const matters = Object.keys(matterKey) as Matter[];

export const statusKey = {
  scheduled: 'ballots.status.scheduled',
  open: 'ballots.status.open',
  counting: 'ballots.status.counting',
  notice: 'ballots.status.notice',
  final: 'ballots.status.final',
} as const satisfies Record<BallotStatus, MessageKey>;

export const outcomeKey = {
  passed: 'ballots.outcome.passed',
  failed: 'ballots.outcome.failed',
  'no-quorum': 'ballots.outcome.no-quorum',
} as const satisfies Record<'passed' | 'failed' | 'no-quorum', MessageKey>;

const decisionKey: Record<string, MessageKey> = { yes: 'ballots.option.yes', no: 'ballots.option.no', abstain: 'ballots.option.abstain' };

/** "同意" / "Yes" for a decision's options (in the reader's language); a candidate's name as given. */
export const optionLabel = (o: BallotOption): string => (decisionKey[o.id] ? t(decisionKey[o.id]!) : o.label);

/** A choice in words: one option, or the approved candidates ("none" when the list is empty). */
export function choiceText(choice: Choice, options: BallotOption[]): string {
  const label = (id: string) => {
    const o = options.find((x) => x.id === id);
    return o ? optionLabel(o) : id;
  };
  if (typeof choice === 'string') return label(choice);
  return choice.length === 0 ? t('ballots.choice.none') : choice.map(label).join(t('ballots.listSeparator'));
}

/** Where a ballot sits on the list page. */
export const phaseOf = (s: BallotStatus): 'open' | 'upcoming' | 'closed' =>
  s === 'open' ? 'open' : s === 'scheduled' ? 'upcoming' : 'closed';
