/**
 * The community table's items. Every key of something that belongs to a community names it:
 * estate ids are `<community>.<estate>` and household ids `<community>.<estate>.<unit>`.
 *
 *  pk                         sk                        what                                   gsi1pk / gsi1sk
 *  COMMUNITY#<c>              META                      name, district, settings               COMMUNITIES / <c>
 *  COMMUNITY#<c>              ESTATE#<estateId>         estate: name, household count, buildings
 *  COMMUNITY#<c>              SPACE#<spaceId>           pocket park
 *  ESTATE#<estateId>          HOUSEHOLD#<householdId>   building, room, area, owners, tenants, phone hint
 *  ESTATE#<estateId>          IMPORT                    hash of the last household file applied
 *  USER#<u>                   PROFILE                   display name, community, birth years, consent
 *  USER#<u>                   HOUSEHOLD#<householdId>   membership: relation, verified, how  HOUSEHOLD#<h> / USER#<u>
 *  USER#<u>                   COMMITTEE#<estateId>      committee seat, evidence             COMMITTEE#<estateId> / USER#<u>
 *  USER#<u>                   STAFF#<c>                 staff appointment, evidence          STAFF#<c> / USER#<u>
 *  USER#<u>                   PLATFORM                  platform admin                       PLATFORM / USER#<u>
 *  AUDIT#<c>                  <at>#<auditId>            one audit entry (append-only)
 *  CODE#<codeId>              META                      join code (hash only)                CODES#<estateId> / <issuedAt>#<codeId>
 *  HHREQ#<id>                 META                      household request                    HHREQS#<c> / <status>#<createdAt>#<id>
 *  USER#<u>                   HHREQ#<id>                the person's own copy of the request pointer
 *
 * The platform-wide audit (platform admins granted) is `AUDIT#platform`.
 */
export const keys = {
  community: (c: string) => `COMMUNITY#${c}`,
  communities: 'COMMUNITIES',
  estate: (estateId: string) => `ESTATE#${estateId}`,
  space: (spaceId: string) => `SPACE#${spaceId}`,
  household: (householdId: string) => `HOUSEHOLD#${householdId}`,
  user: (u: string) => `USER#${u}`,
  committee: (estateId: string) => `COMMITTEE#${estateId}`,
  staff: (c: string) => `STAFF#${c}`,
  platform: 'PLATFORM',
  audit: (c: string) => `AUDIT#${c}`,
  code: (codeId: string) => `CODE#${codeId}`,
  codes: (estateId: string) => `CODES#${estateId}`,
  request: (id: string) => `HHREQ#${id}`,
  requests: (c: string) => `HHREQS#${c}`,
} as const;

/** The audit log of the platform itself (who was made platform admin). */
export const PLATFORM_AUDIT = 'platform';
