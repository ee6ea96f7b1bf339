/** A ballot's options and a voter's choice in words (the ballot pages, not the list). */
import type { BallotOption, Choice } from '$contracts/ballots.js';
import { t, type MessageKey } from '$lib/i18n/index.svelte.js';

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
