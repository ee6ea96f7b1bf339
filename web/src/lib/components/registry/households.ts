/** A household id (`<community>.<estate>.<unit>`) in words, with its estate's name when it is known. */
import { estateOfHousehold } from '$contracts/common.js';
import { flatOf, nameOf } from './names.js';

export function householdLabel(householdId: string, estates: readonly { id: string; name: string; nameEn: string | null }[]): string {
  const estateId = estateOfHousehold(householdId);
  const estate = estates.find((e) => e.id === estateId);
  const unit = householdId.slice(estateId.length + 1);
  // Units made of a plain building and room read `1-101`; others are a hash, shown as they are.
  const m = /^([A-Za-z0-9]+)-([A-Za-z0-9]+)$/.exec(unit);
  const flat = m ? flatOf(m[1]!, m[2]!) : unit;
  return `${estate ? nameOf(estate) : estateId} ${flat}`;
}
