/** The activities table's keys. */
export const activityKeys = {
  pk: (id: string) => `ACTIVITY#${id}`,
  space: (spaceId: string) => `SPACE#${spaceId}`,
  day: (day: string) => `DAY#${day}`,
  community: (communityId: string) => `COMMUNITY#${communityId}#ACTIVITIES`,
  mine: (userId: string) => `USER#${userId}`,
};
