/**
 * What a month costs a 3,000-household community, computed from the units this bench measured.
 * The usage below is stated, not measured: a busy month of an old neighbourhood on Gongzhi. Prices
 * are AWS's published on-demand list prices for us-east-1 (the pages as of 2025; this machine cannot
 * reach aws.amazon.com, so they were not re-read on the bench date): re-check them, and the region's
 * own (Hong Kong and the China regions are dearer), before quoting the number to a sub-district office.
 * No free tier is subtracted. (CloudFront's always-free allowance, 1 TB and 10 million requests a month
 * per account, and Lambda's, 1 million requests and 400,000 GB-s, would cover a whole sub-district of
 * such communities: the row is what the community costs at list price, not what the bill says.)
 */
export const pricesUsd = {
  asOf: 'AWS list prices, us-east-1, published 2025 (DynamoDB on-demand after the Nov 2024 cut)',
  dynamoPerMillionWrites: 0.625, dynamoPerMillionReads: 0.125, dynamoPerGbMonth: 0.25,
  lambdaPerMillionRequests: 0.2, lambdaArmPerGbSecond: 0.0000133334,
  httpApiPerMillion: 1.0,
  cloudFrontPer10kHttps: 0.01, cloudFrontPerGb: 0.085,
} as const;

/** One month of a 3,000-household community (the usage the cost row states). */
export const monthOf3000Households = {
  households: 3000,
  /** Actions per month, each mapped to the bench row whose units it costs. */
  actions: [
    { what: 'backings', count: 3000, row: 'PUT .../support' },
    { what: 'bookings', count: 2000, row: 'POST .../bookings (confirmed)' },
    { what: 'cancellations', count: 400, row: 'DELETE .../bookings/mine (+1 promotion)' },
    { what: 'votes (one ballot, every household)', count: 3000, row: 'PUT /api/ballots/{id}/vote (first vote, warm: after the vote page\'s GET)' },
    { what: 'gifts', count: 200, row: 'POST /api/donations' },
    { what: 'proposals', count: 60, row: 'POST /api/proposals' },
    { what: 'lifecycle steps', count: 200, row: 'POST .../milestones (10th event)' },
    { what: 'proposal pages read', count: 30000, row: 'GET /api/proposals/{id}' },
    { what: 'proposal lists read', count: 30000, row: 'GET /api/proposals (20)' },
    { what: 'ballot pages read', count: 20000, row: 'GET /api/ballots/{id} (open, 1000 units, recount < 30 s old)' },
    { what: '"me" reads (every signed-in page)', count: 40000, row: 'GET /api/me' },
    { what: 'ledger pages read', count: 5000, row: 'GET /api/ledger (20, warm)' },
  ],
  /** Reads that reach the API at all: public GETs are served by CloudFront while fresh (edge-cache.ts). */
  publicReadsReachingOrigin: 0.3,
  /**
   * Page loads of the static site, and the display screen's once-a-minute poll (answered by CloudFront).
   * A first visit (or one after a deploy) fetches the page, its config and ~6 hashed files (the web
   * bench's JS first load, ~50 KiB gzip, with CSS and HTML ~120 KiB); a returning visit revalidates the
   * page and config.json (no-cache, mostly 304) and keeps the hashed files (immutable, a year:
   * infra/site-deployment.ts). Residents come back: a fifth of page views are stated to be first visits.
   */
  pageViews: 60000, screenPolls: 43200, firstVisitShare: 0.2,
  firstVisit: { requests: 8, kib: 120 }, returningVisit: { requests: 2, kib: 8 },
  /** Lambda: 512 MB; billed milliseconds per request, warm; share of cold requests and init billed for them. */
  lambdaGb: 0.5, warmMs: 40, coldShare: 0.25, initMs: 350,
  storedGb: 0.5,
};

export interface CostLine { item: string; usd: number }
export type UnitsByRow = Record<string, { rcu: number; wcu: number }>;

export function monthlyCost(units: UnitsByRow, u = monthOf3000Households, p = pricesUsd): { lines: CostLine[]; totalUsd: number; missing: string[] } {
  let reads = 0; let writes = 0; let requests = 0;
  const missing: string[] = [];
  for (const a of u.actions) {
    const row = units[a.row];
    if (!row) { missing.push(a.row); continue; }
    const reach = a.row.startsWith('GET') && !a.row.includes('/api/me') ? u.publicReadsReachingOrigin : 1;
    // dynalite omits GSI writes: count each write twice to cover an index entry.
    reads += a.count * reach * row.rcu; writes += a.count * reach * row.wcu * 2; requests += a.count * reach;
  }
  const gbSeconds = requests * u.lambdaGb * (u.warmMs + u.coldShare * u.initMs) / 1000;
  const visit = (k: 'requests' | 'kib') => u.firstVisitShare * u.firstVisit[k] + (1 - u.firstVisitShare) * u.returningVisit[k];
  const edgeRequests = u.pageViews * visit('requests') + u.screenPolls + requests;
  const lines: CostLine[] = [
    { item: 'DynamoDB reads', usd: reads / 1e6 * p.dynamoPerMillionReads },
    { item: 'DynamoDB writes (GSI counted)', usd: writes / 1e6 * p.dynamoPerMillionWrites },
    { item: 'DynamoDB storage', usd: u.storedGb * p.dynamoPerGbMonth },
    { item: 'Lambda requests', usd: requests / 1e6 * p.lambdaPerMillionRequests },
    { item: 'Lambda GB-s (arm64)', usd: gbSeconds * p.lambdaArmPerGbSecond },
    { item: 'HTTP API requests', usd: requests / 1e6 * p.httpApiPerMillion },
    { item: 'CloudFront requests', usd: edgeRequests / 1e4 * p.cloudFrontPer10kHttps },
    { item: 'CloudFront transfer', usd: u.pageViews * visit('kib') / 1024 / 1024 * p.cloudFrontPerGb },
  ];
  return { lines, totalUsd: lines.reduce((s, l) => s + l.usd, 0), missing };
}
