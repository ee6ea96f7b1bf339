/**
 * The demo people with their fixed ids (resident1…resident60, tenant1, committee1, staff1, donor1, admin1)
 * and the flats they own or rent. Names are common Chinese names, made deterministically.
 */
import type { HouseholdLink, Member } from '../../community/rules.js';
import { COMMUNITY, ESTATES, flat, type Household } from './community.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹'.split('');
const GIVEN = ('秀英 桂兰 建国 志强 淑珍 玉梅 国华 德明 美玲 文杰 丽华 海燕 春生 福根 金宝 凤英 家豪 晓东 翠花 永康 '
  + '慧敏 立新 红梅 卫东 素芳 雪梅 振华 桂芳 子涵 明辉 玉兰 长林 秋菊 宏伟 巧云 爱民 静怡 建华 月娥 国庆 '
  + '小燕 世杰 兰英 正阳 婉清 学军 凤兰 志明 惠芬 春燕 德胜 琳琳 秀兰 永强 丽萍 新民 佩珍 俊杰 桂珍 光荣').split(' ');

export interface DemoUser extends Member { note: string }
export interface DemoData { users: DemoUser[]; households: Household[] }

function link(h: Household, relation: HouseholdLink['relation']): HouseholdLink {
  const estate = ESTATES.find((e) => e.id === h.estateId)!;
  return { householdId: h.id, estateId: h.estateId, estateName: estate.name, building: h.building, unit: h.unit, relation, verified: true };
}

const person = (id: string, i: number, note: string, extra: Partial<Member> = {}): DemoUser => ({
  id, registered: true, displayName: `${SURNAMES[i % 30]}${GIVEN[(i * 7 + Math.floor(i / 60)) % 60]}`, // distinct for i < 120
  communityId: COMMUNITY.id, households: [], committeeOf: [], staffOf: [], note, ...extra,
});

/**
 * Ages, for priority seats: resident1–24 are 65 or older (born 1937–1960), resident25–40 care for a
 * child aged 12 or under (born 2014–2021), the rest (born 1966–1985) are working-age adults without young children.
 */
export function ages(n: number): Pick<Member, 'birthYear' | 'childBirthYears'> {
  if (n <= 24) return { birthYear: 1936 + n };
  if (n <= 40) return { birthYear: 1950 + n, childBirthYears: [2014 + (n % 8)] };
  return { birthYear: 1925 + n };
}
const ageNote = (n: number): string => (n <= 24 ? ` · born ${1936 + n}` : n <= 40 ? ' · has a young child' : '');

/** resident1 and resident2 own flats in 茶亭东苑, resident3 in 莫愁新寓; the rest go round the estates. */
export const estateOfResident = (n: number): number => (n <= 2 ? 0 : n === 3 ? 1 : n % ESTATES.length);

function build(): DemoData {
  const next = ESTATES.map(() => 0);
  const households: Household[] = [];
  const take = (e: number, owner: string) => {
    const h = flat(ESTATES[e]!, e, next[e]!++, owner);
    households.push(h);
    return h;
  };
  const users: DemoUser[] = [];
  for (let n = 1; n <= 60; n++) {
    const id = `resident${n}`;
    const home = take(estateOfResident(n), id);
    const u = person(id, n - 1, `Owner · ${ESTATES[estateOfResident(n)]!.nameEn} ${home.building}-${home.unit}${ageNote(n)}`, ages(n));
    u.households.push(link(home, 'owner'));
    users.push(u);
  }
  // resident2 also owns a second flat and lets it to tenant1: one buyer, two units, one head.
  const rented = take(0, 'resident2');
  users[1]!.households.push(link(rented, 'owner'));
  users.push(person('tenant1', 60, `Tenant · ${ESTATES[0]!.nameEn} ${rented.building}-${rented.unit}`, { households: [link(rented, 'tenant')] }));
  const seat = take(0, 'committee1');
  users.push(person('committee1', 61, `Property-management committee · ${ESTATES[0]!.nameEn}`,
    { households: [link(seat, 'owner')], committeeOf: [ESTATES[0]!.id] }));
  users.push(person('staff1', 62, 'Community staff (grid member)', { staffOf: [COMMUNITY.id] }));
  users.push(person('donor1', 63, 'Donor · signed in, no household'));
  users.push(person('admin1', 64, 'Sub-district office · platform admin: creates communities, appoints staff', { communityId: null, platformAdmin: true }));
  // Flats the developer has not sold yet: together they count as one head in owner votes.
  ESTATES.forEach((_, e) => { take(e, 'developer'); take(e, 'developer'); });
  return { users, households };
}

export const demo: DemoData = build();
export const demoUsers = demo.users;
