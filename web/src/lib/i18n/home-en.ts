/** English messages of the home page. `satisfies` refuses a missing or an extra key. */
import type { HomeMessages } from './home-zh.js';

export const homeEn = {
  'home.title': 'Gongzhi: making our neighbourhood better together',
  'home.lead': 'What could be better around your home? Propose an improvement, back your neighbours\u2019 good ideas, and see how the community answers.',
  'home.howTitle': 'How to take part',
  'home.how1': 'Read what your neighbours have proposed.',
  'home.how2': 'Press \u201cI back this\u201d on the ideas you like.',
  'home.how3': 'Have an idea of your own? Propose it.',
  'home.browse': 'See the proposals',
  'home.propose': 'Make a proposal',
  'home.latestTitle': 'Latest proposals seeking backing',
  'home.none': 'No proposal is seeking backing right now.',
  'home.seeAll': 'See all proposals',
  'home.activitiesTitle': 'Pocket-park activities',
  'home.activitiesLead': 'Blood-pressure and blood-sugar checks, a children’s book corner and more: see what is on in the pocket parks this week and book a seat from your phone.',
  'home.activitiesLink': 'See what is on',
} as const satisfies HomeMessages;
