/** A resident records the birth years that give priority seats: their own, and their children's. */
import type { Me, PutPriorityProfileBody } from '../contracts/me.js';
import type { Clock } from '../shared/clock.js';
import { BadRequestError, ForbiddenError } from '../shared/errors.js';
import { getMe } from './get-me.js';
import type { CommunityRepository } from './repository.js';

/** The year in Beijing (UTC+8, no daylight saving), where every age here is counted. */
const beijingYear = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear();

export async function setPriorityProfile(repo: CommunityRepository, clock: Clock, callerId: string, body: PutPriorityProfileBody): Promise<Me> {
  const now = clock();
  const year = beijingYear(now);
  const issues: { path: string; code: string; message: string }[] = [];
  const own = body.birthYear;
  if (own !== null && own > year) issues.push({ path: 'body.birthYear', code: 'too_big', message: `must not be after ${year}` });
  body.childBirthYears.forEach((y, i) => {
    if (y > year) issues.push({ path: `body.childBirthYears.${i}`, code: 'too_big', message: `must not be after ${year}` });
    else if (own !== null && own <= year && y <= own) {
      issues.push({ path: `body.childBirthYears.${i}`, code: 'too_small', message: 'must be after your own birth year' });
    }
  });
  if (issues.length > 0) throw new BadRequestError('Some birth years are not possible.', issues, 'invalid_input');
  const childBirthYears = [...new Set(body.childBirthYears)].sort((a, b) => b - a);
  if (!(await repo.setPriorityProfile(callerId, { birthYear: body.birthYear, childBirthYears }, now))) {
    throw new ForbiddenError('You are not registered in a community yet: community staff register your household first.');
  }
  return getMe(repo, callerId);
}
