/** Cha-Ting (茶亭) community as GLOSSARY.md tells it: four estates without property services, four pocket parks. */
export const COMMUNITY = {
  id: 'chating', name: '茶亭社区', nameEn: 'Cha-Ting Community',
  subdistrict: '莫愁湖街道', subdistrictEn: 'Mochou Lake Sub-district', city: '南京', cityEn: 'Nanjing',
  settings: { supportThreshold: 30, supportLimit: 0, noticePeriodDays: 7 },
};

/** Estate ids name their community: `chating.dongyuan` (see EstateId in contracts/common.ts). */
export interface Estate { id: string; name: string; nameEn: string; buildings: number }
export const ESTATES: Estate[] = [
  { id: 'chating.dongyuan', name: '茶亭东苑', nameEn: 'Chating East Garden', buildings: 3 },
  { id: 'chating.xinyu', name: '莫愁新寓', nameEn: 'Mochou New Residence', buildings: 3 },
  { id: 'chating.nanhu', name: '南湖三村', nameEn: 'Nanhu Village No. 3', buildings: 3 },
  { id: 'chating.huaqiao', name: '华侨里', nameEn: 'Huaqiao Lane', buildings: 3 },
];

export interface Space {
  id: string; name: string; nameEn: string; description: string; descriptionEn: string;
  openingHours: string; capacity: number; accessibility: string; accessibilityEn: string;
}
export const SPACES: Space[] = [
  { id: 'dynamic-paradise', name: '动感乐园', nameEn: 'Dynamic Paradise',
    description: '儿童游乐角，设有植物园和图书角。', descriptionEn: 'A children\'s corner with a botanical garden and a book corner.',
    openingHours: '07:00-20:00', capacity: 30, accessibility: '入口无台阶，地面平整。', accessibilityEn: 'Step-free entrance, level ground.' },
  { id: 'leisure-garden', name: '休闲花园', nameEn: 'Leisure Garden',
    description: '有座椅和凉亭的小花园，每周有老人健康检测。', descriptionEn: 'A small garden with benches and a pavilion; weekly health checks for the elderly.',
    openingHours: '06:00-21:00', capacity: 25, accessibility: '有扶手和休息座椅。', accessibilityEn: 'Handrails and resting benches.' },
  { id: 'cultural-park', name: '文化园', nameEn: 'Cultural Park',
    description: '宣传栏和小舞台，用于宣传活动和文艺演出。', descriptionEn: 'Notice boards and a small stage for publicity sessions and performances.',
    openingHours: '08:00-20:00', capacity: 40, accessibility: '舞台旁有坡道。', accessibilityEn: 'Ramp beside the stage.' },
  { id: 'exquisite-home', name: '精致家园', nameEn: 'Exquisite Home',
    description: '由楼间空地改造的口袋公园，种有花木。', descriptionEn: 'A pocket park made from the space between buildings, planted with flowers and trees.',
    openingHours: '06:00-21:00', capacity: 20, accessibility: '小路较窄，轮椅需协助。', accessibilityEn: 'Narrow paths; wheelchairs may need help.' },
];

export interface Household {
  id: string; estateId: string; building: string; unit: string;
  /** Exclusive floor area in 0.01 m² (integer, as the Article 278 count needs). */
  areaCentiM2: number;
  /** Who owns it: a demo user id, or the developer for units not yet sold. */
  owner: string;
}

/** The k-th flat of an estate: building 1..3, then floors and doors (101, 102, 201, ...); its id is `<estate id>.<building>-<door>`. */
export function flat(estate: Estate, estateIndex: number, k: number, owner: string): Household {
  const building = String(1 + (k % estate.buildings));
  const j = Math.floor(k / estate.buildings);
  const unit = `${1 + Math.floor(j / 2)}0${1 + (j % 2)}`;
  const areaCentiM2 = 4200 + ((k * 7919 + estateIndex * 104729) % 5400);
  return { id: `${estate.id}.${building}-${unit}`, estateId: estate.id, building, unit, areaCentiM2, owner };
}
