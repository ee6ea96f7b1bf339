/** The activities table's keys. */
export const activityKeys = {
  pk: (id: string) => `ACTIVITY#${id}`,
  /** Space ids are unique within their community only, so the space's keys name the community too. */
  space: (communityId: string, spaceId: string) => `SPACE#${communityId}#${spaceId}`,
  day: (day: string) => `DAY#${day}`,
  community: (communityId: string) => `COMMUNITY#${communityId}#ACTIVITIES`,
  mine: (userId: string) => `USER#${userId}`,
};
