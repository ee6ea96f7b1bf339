/**
 * One bounded context's Lambda with every default in one place (arm64, newest Node runtime, ESM
 * bundle with the AWS SDK inside, source maps, its own log group) and least-privilege table grants.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ContextName } from '../functions/routes.js';
import { tableDefs } from '../functions/shared/db/tables.js';
import { lambdaBundle } from './bundling.js';
import { openApiFile } from './openapi-file.js';
import { metricsNamespace } from './dashboard.js';
import { repoRoot } from './paths.js';
import { personalActions, readActions, tableAccess, writeActions } from './table-access.js';

/** The newest Node.js runtime this aws-cdk-lib knows; the code also runs on Node 20 locally. */
export const lambdaRuntime = Runtime.NODEJS_24_X;

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
    const granted = [...new Set([...access.write, ...access.read, ...(access.personal ?? [])])];
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    // An own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: lambdaRuntime,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      environment: {
        // Stack traces point at the TypeScript sources through the bundled source map.
        NODE_OPTIONS: '--enable-source-maps',
        LOG_LEVEL: props.logLevel,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace(this),
        ...Object.fromEntries(granted.map((c) => [tableDefs[c].envVar, props.tables[c].tableName])),
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        minify: lambdaBundle.minify,
        sourceMap: true,
        sourcesContent: false,
        externalModules: [],
        mainFields: [...lambdaBundle.mainFields],
        banner: lambdaBundle.banner,
        target: lambdaBundle.target,
        logLevel: LogLevel.WARNING,
        esbuildArgs: Object.fromEntries(Object.entries(lambdaBundle.alias).map(([from, to]) => [`--alias:${from}`, to])),
        ...(props.context === 'community' ? { commandHooks: servesOpenApi } : {}),
      },
    });
    for (const c of granted) {
      const table = props.tables[c];
      const actions = [
        ...(access.write.includes(c) || access.read.includes(c) ? readActions : []),
        ...(access.write.includes(c) ? writeActions : []),
        ...(access.personal?.includes(c) ? personalActions : []),
      ];
      // Named index ARNs instead of `index/*`: the function reaches exactly the indexes defined.
      const indexArns = tableDefs[c].indexes.map((i) => `${table.tableArn}/index/${i.name}`);
      Grant.addToPrincipal({
        grantee: role,
        actions: [...new Set(actions)],
        // Scan and the pseudonym's update work on the table itself, never an index.
        resourceArns: access.write.includes(c) || access.read.includes(c) ? [table.tableArn, ...indexArns] : [table.tableArn],
      });
    }
  }
}
