/**
 * The data stack: one DynamoDB table per bounded context (from the shared definitions) and the photo
 * bucket. Only the notifications table has a stream: it is the outbox, and its new items wake the notifier.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption, type ITable,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { contexts, type ContextName } from '../functions/routes.js';
import { tableDefs, type TableDef } from '../functions/shared/db/tables.js';
import { tableOutput } from '../functions/admin/connect.js';
import { MediaBucket } from './media-bucket.js';
import type { OriginAccessIdentity } from 'aws-cdk-lib/aws-cloudfront';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/** Tables with a stream, and what it carries: the notifier reads only new items (infra/notifier.ts). */
export const streamedTables: Readonly<Partial<Record<ContextName, StreamViewType>>> = { notifications: StreamViewType.NEW_IMAGE };

export interface DataStackProps extends StackProps {
  /** Origins whose pages upload photos (CORS of the media bucket). */
  readonly uploadOrigins: readonly string[];
  /** AWS China: CloudFront reads the buckets through an origin access identity, made here (media-bucket.ts). */
  readonly china: boolean;
}

export class DataStack extends Stack {
  /** Every context's table, whether or not its Lambda exists yet. */
  readonly tables: Readonly<Record<ContextName, ITable>>;
  /** Proposal photos, uploaded through pre-signed links and served by CloudFront under /media/. */
  readonly media: Bucket;
  /** AWS China only: the identity CloudFront reads both buckets with. */
  readonly edgeReader: OriginAccessIdentity | undefined;
  /** The notifications table's stream (new images): the notifier's event source reads it. */
  readonly notificationStreamArn: string;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const tables = {} as Record<ContextName, ITable>;
    for (const c of contexts) {
      tables[c] = this.table(tableDefs[c]);
      // `npm run admin -- ... --aws` finds the tables by these outputs.
      new CfnOutput(this, tableOutput(c), { key: tableOutput(c), value: tables[c].tableName, description: `The ${c} table` });
    }
    this.tables = tables;
    this.notificationStreamArn = tables.notifications.tableStreamArn!;
    const media = new MediaBucket(this, 'Media', { siteOrigins: props.uploadOrigins, originAccessIdentity: props.china });
    this.media = media.bucket;
    this.edgeReader = media.edgeReader;
  }

  private table(def: TableDef): Table {
    const table = new Table(this, `${def.context[0]!.toUpperCase()}${def.context.slice(1)}Table`, {
      partitionKey: stringKey('pk'),
      sortKey: stringKey('sk'),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Community records, ledgers and ballots must outlive any stack mistake.
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      // Short-lived items (the per-person write counts of shared/write-limits.ts) carry `expiresAt`.
      timeToLiveAttribute: 'expiresAt',
      ...(streamedTables[def.context] ? { stream: streamedTables[def.context] } : {}),
    });
    for (const index of def.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.pk),
        sortKey: stringKey(index.sk),
        ...(index.projection === 'ALL'
          ? { projectionType: ProjectionType.ALL }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] }),
      });
    }
    return table;
  }
}
