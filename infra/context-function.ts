/**
 * One bounded context's Lambda, with the defaults every Gongzhi Lambda has (lambda-function.ts), and
 * least-privilege table grants from table-access.ts, each table's name in its environment.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { ContextName } from '../functions/routes.js';
import { tableDefs } from '../functions/shared/db/tables.js';
import { createLambda, grantTable } from './lambda-function.js';
import { openApiFile } from './openapi-file.js';
import { repoRoot } from './paths.js';
import { notifyActions, personalActions, readActions, tableAccess, writeActions } from './table-access.js';

/** The community function ships `openapi.json` beside its bundle (infra/openapi-file.ts). */
const servesOpenApi = {
  beforeBundling: (): string[] => [],
  beforeInstall: (): string[] => [],
  afterBundling: (_input: string, output: string): string[] => [`cp "${openApiFile()}" "${output}/openapi.json"`],
};

export interface ContextFunctionProps {
  readonly context: ContextName;
  readonly tables: Readonly<Record<ContextName, ITable>>;
  readonly logLevel: string;
}

export class ContextFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: ContextFunctionProps) {
    super(scope, id);
    const entry = join(repoRoot, 'functions', props.context, 'handler.ts');
    if (!existsSync(entry)) {
      throw new Error(`routes.ts has rows for context '${props.context}' but ${entry} does not exist`);
    }
    const access = tableAccess(props.context);
    const notifies = access.notify ? (['notifications'] as const) : [];
    const granted = [...new Set([...access.write, ...access.read, ...(access.personal ?? []), ...notifies])];
    const { fn, role } = createLambda(this, {
      entry,
      logLevel: props.logLevel,
      environment: Object.fromEntries(granted.map((c) => [tableDefs[c].envVar, props.tables[c].tableName])),
      ...(props.context === 'community' ? { commandHooks: servesOpenApi } : {}),
    });
    this.fn = fn;
    for (const c of granted) {
      const reads = access.write.includes(c) || access.read.includes(c);
      const actions = [
        ...(reads ? readActions : []),
        ...(access.write.includes(c) ? writeActions : []),
        ...(access.personal?.includes(c) ? personalActions : []),
        ...(access.notify && c === 'notifications' ? notifyActions : []),
      ];
      // Scan, the pseudonym's update and the notification's put work on the table itself, never an index.
      grantTable(role, c, props.tables[c], actions, reads);
    }
  }
}
