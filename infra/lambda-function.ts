/**
 * Every Gongzhi Lambda's defaults in one place (arm64, newest Node runtime, ESM bundle with the AWS SDK
 * inside, source maps, an own role that writes only its own log group) and the one way to grant it a
 * table: the context functions (context-function.ts) and the notifier (notifier.ts) are built by it.
 */
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, Role, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat, type ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { ContextName } from '../functions/routes.js';
import { tableDefs } from '../functions/shared/db/tables.js';
import { lambdaBundle } from './bundling.js';
import { metricsNamespace } from './dashboard.js';
import { repoRoot } from './paths.js';

/** The newest Node.js runtime this aws-cdk-lib knows; the code also runs on Node 20 locally. */
export const lambdaRuntime = Runtime.NODEJS_24_X;

export interface LambdaFunctionProps {
  /** The handler module, exporting `handler`. */
  readonly entry: string;
  readonly logLevel: string;
  /** Besides NODE_OPTIONS, LOG_LEVEL and the metrics namespace. */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeout?: Duration;
  readonly commandHooks?: ICommandHooks;
}

/** Adds `Logs`, `Role` and `Function` to `scope` (ids kept from the context functions' first layout). */
export function createLambda(scope: Construct, props: LambdaFunctionProps): { fn: NodejsFunction; role: IRole } {
  const logGroup = new LogGroup(scope, 'Logs', { retention: RetentionDays.ONE_MONTH });
  // An own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
  const role = new Role(scope, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  const fn = new NodejsFunction(scope, 'Function', {
    entry: props.entry,
    handler: 'handler',
    projectRoot: repoRoot,
    depsLockFilePath: join(repoRoot, 'package-lock.json'),
    runtime: lambdaRuntime,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: props.timeout ?? Duration.seconds(10),
    role,
    logGroup,
    environment: {
      // Stack traces point at the TypeScript sources through the bundled source map.
      NODE_OPTIONS: '--enable-source-maps',
      LOG_LEVEL: props.logLevel,
      POWERTOOLS_METRICS_NAMESPACE: metricsNamespace(scope),
      ...props.environment,
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
      ...(props.commandHooks ? { commandHooks: props.commandHooks } : {}),
    },
  });
  return { fn, role };
}

/**
 * Grants `actions` on one context's table; with `indexes`, on each of its named indexes as well
 * (named ARNs instead of `index/*`: the function reaches exactly the indexes defined).
 */
export function grantTable(role: IRole, context: ContextName, table: ITable, actions: readonly string[], indexes: boolean): void {
  const indexArns = indexes ? tableDefs[context].indexes.map((i) => `${table.tableArn}/index/${i.name}`) : [];
  Grant.addToPrincipal({ grantee: role, actions: [...new Set(actions)], resourceArns: [table.tableArn, ...indexArns] });
}
