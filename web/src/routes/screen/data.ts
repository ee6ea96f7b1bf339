/**
 * What the display screen shows, fetched from the public API. Each source is fetched on its own (one
 * request each; the ballots card and the ballots' outcomes come from the one list request):
 * one that fails (the network dropped, a service is down) keeps its last good data, in memory
 * and in localStorage, so the screen never goes blank.
 */
import type { ActivitySummary, Space } from '$contracts/activities.js';
import type { BallotSummary } from '$contracts/ballots.js';
import type { Project } from '$contracts/ledger.js';
import type { ProposalSummary } from '$contracts/proposals.js';
import { call } from '$lib/http.js';

export interface ScreenBallot {
  id: string; title: string; estateName: string; closesAt: string;
  heads: number; totalHeads: number; areaCentiM2: number; totalAreaCentiM2: number;
}
export interface Outcome { kind: 'proposal' | 'ballot'; id: string; title: string; status: string; at: string }

export interface ScreenData {
  activities: ActivitySummary[];
  spaces: Space[];
  proposals: ProposalSummary[];
  ballots: ScreenBallot[];
  projects: Project[];
  outcomes: Outcome[];
  /** When each source last answered (ISO); absent until it has. */
  at: Partial<Record<Source, string>>;
}
export type Source = 'activities' | 'spaces' | 'proposals' | 'ballots' | 'projects' | 'outcomes';

const STORAGE_KEY = 'gongzhi.screen';
const DAY_MS = 86_400_000;

export const emptyData = (): ScreenData =>
  ({ activities: [], spaces: [], proposals: [], ballots: [], projects: [], outcomes: [], at: {} });

export function loadSaved(): ScreenData {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<ScreenData> | null;
    return saved && typeof saved === 'object' ? { ...emptyData(), ...saved } : emptyData();
  } catch {
    return emptyData();
  }
}

export function save(data: ScreenData): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch {
    // A full or refused storage only costs the copy that survives a reload.
  }
}

const get = <T>(path: string) => call<T>('GET', path, { auth: false });

const ANSWERED = ['accepted', 'rejected', 'in_progress', 'completed'];
const CLOSED = ['notice', 'final'];

const sources: Record<Source, (now: Date) => Promise<Partial<ScreenData>>> = {
  spaces: async () => ({ spaces: (await get<{ items: Space[] }>('/spaces')).items }),
  activities: async (now) => {
    const q = new URLSearchParams({ from: now.toISOString(), to: new Date(now.getTime() + 7 * DAY_MS).toISOString(), limit: '50' });
    const page = await get<{ items: ActivitySummary[] }>(`/activities?${q}`);
    return { activities: page.items.filter((a) => a.status === 'scheduled').slice(0, 4) };
  },
  proposals: async () => {
    const page = await get<{ items: ProposalSummary[] }>('/proposals?status=open&limit=20');
    return { proposals: [...page.items].sort((a, b) => b.supportCount - a.supportCount).slice(0, 4) };
  },
  outcomes: async () => {
    const page = await get<{ items: ProposalSummary[] }>('/proposals?limit=50');
    const answered = page.items.filter((p) => ANSWERED.includes(p.status)).slice(0, 4);
    return { outcomes: answered.map((p) => ({ kind: 'proposal' as const, id: p.id, title: p.title, status: p.status, at: p.createdAt })) };
  },
  // One request: each list item carries its participation and the frozen roll's totals.
  ballots: async () => {
    const page = await get<{ items: BallotSummary[] }>('/ballots?limit=20');
    const open = page.items.filter((b) => b.status === 'open').slice(0, 4);
    const closed = page.items.filter((b) => CLOSED.includes(b.status) && b.outcome).slice(0, 3);
    return {
      ballots: open.map((b) => ({
        id: b.id, title: b.title, estateName: b.estateName, closesAt: b.closesAt,
        heads: b.participation.heads, totalHeads: b.frozenRoll.heads,
        areaCentiM2: b.participation.areaCentiM2, totalAreaCentiM2: b.frozenRoll.totalAreaCentiM2,
      })),
      // Closed ballots join the outcomes (their results are public once counted).
      ballotOutcomes: closed.map((b) => ({ kind: 'ballot' as const, id: b.id, title: b.title, status: b.outcome!, at: b.closesAt })),
    } as Partial<ScreenData>;
  },
  projects: async () => ({ projects: (await get<{ projects: Project[] }>('/ledger/summary')).projects }),
};

/**
 * Fetches every source; those that answer replace their part of `previous`, the others keep it.
 * Returns the merged data and whether every source answered.
 */
export async function refresh(previous: ScreenData, now = new Date()): Promise<{ data: ScreenData; complete: boolean }> {
  const data: ScreenData & { ballotOutcomes?: Outcome[] } = { ...previous, at: { ...previous.at } };
  const names = Object.keys(sources) as Source[];
  const results = await Promise.allSettled(names.map((name) => sources[name](now)));
  let complete = true;
  results.forEach((r, i) => {
    const name = names[i]!;
    if (r.status === 'fulfilled') {
      Object.assign(data, r.value);
      data.at[name] = now.toISOString();
    } else complete = false;
  });
  // Outcomes: answered proposals, and (when the ballots service answered) closed ballots' results.
  const ballotOutcomes = data.ballotOutcomes ?? previous.outcomes.filter((o) => o.kind === 'ballot');
  delete data.ballotOutcomes;
  data.outcomes = [...data.outcomes.filter((o) => o.kind === 'proposal'), ...ballotOutcomes];
  return { data, complete };
}
