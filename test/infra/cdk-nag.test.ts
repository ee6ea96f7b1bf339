import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Table, AttributeType } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { synthGongzhi } from './synth.js';

interface Report {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[] }[];
}
/** CDK writes every validation plugin's findings here; cdk-nag 3 filters acknowledged ones before reporting. */
const readReport = (dir: string): Report => JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8')) as Report;
const findings = (report: Report) => report.pluginReports.flatMap((r) => r.violations.map((v) =>
  `${r.pluginName} ${v.severity} ${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`));

/** Every acknowledgement recorded with Validations.of(x).acknowledge(), as [path, rule id, reason]. */
function acknowledgements(app: App): [string, string, string][] {
  return app.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.entries(m.data as Record<string, string>)
      .map(([id, reason]): [string, string, string] => [c.node.path, id.replace(/^annotation::/i, ''), reason])));
}

let synth: ReturnType<typeof synthGongzhi>;
beforeAll(() => {
  // Synthesis itself throws on any unacknowledged cdk-nag finding, with the report as the message.
  synth = synthGongzhi({ validateCloudFormation: true });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('leaves no unacknowledged finding, error or warning, in the validation report', () => {
    expect(findings(readReport(synth.assembly.directory))).toEqual([]);
  });

  it('finds nothing left when the pack is run directly over the app', () => {
    expect(new AwsSolutionsChecks().validateScope(synth.app).violations).toEqual([]);
  });

  it('is live: an unacknowledged error or even a warning stops synthesis', () => {
    const bad = new App({ outdir: mkdtempSync(join(tmpdir(), 'nag-error-')) });
    new Bucket(new Stack(bad, 'Bad'), 'Bare');
    Validations.of(bad).addPlugins(new AwsSolutionsChecks(bad));
    expect(() => bad.synth()).toThrow(/AwsSolutions-S10/);

    const outdir = mkdtempSync(join(tmpdir(), 'nag-warning-'));
    const warn = new App({ outdir });
    new Table(new Stack(warn, 'Warn'), 'NoPitr', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    Validations.of(warn).addPlugins(new AwsSolutionsChecks(warn));
    expect(() => warn.synth()).toThrow(/AwsSolutions-DDB3/);
    expect(findings(readReport(outdir))).toEqual(['AwsSolutions warning AwsSolutions-DDB3 at Warn/NoPitr/Resource']);
  });

  it('gives every acknowledgement a reason of its own', () => {
    const acks = acknowledgements(synth.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const [path, id, reason] of acks) {
      expect(typeof reason, `${path} ${id}`).toBe('string');
      expect(reason.trim().length, `${path} ${id}`).toBeGreaterThanOrEqual(30);
    }
  });

  it('acknowledges exactly the expected rules, and APIG4 only on public routes', () => {
    const rules = acknowledgements(synth.app).map(([, id]) => id).filter((id) => id.startsWith('AwsSolutions-'));
    expect(new Set(rules.map((id) => id.replace(/\[.*$/, '')))).toEqual(new Set([
      'AwsSolutions-APIG4', 'AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR4', 'AwsSolutions-COG2',
      'AwsSolutions-COG8', 'AwsSolutions-IAM4', 'AwsSolutions-IAM5', 'AwsSolutions-L1', 'AwsSolutions-S1',
      'AwsSolutions-SQS3',
    ]));
    const apig4 = acknowledgements(synth.app).filter(([, id]) => id === 'AwsSolutions-APIG4').map(([path]) => path);
    expect(apig4).toHaveLength(routes.filter((r) => r.access === 'public').length + 1);
    expect(apig4).toContain('GongzhiApi/Routes/ANY-api-{proxy+}');
    // The context functions' own roles need no IAM acknowledgement but the photo keys' prefix.
    expect(acknowledgements(synth.app).filter(([path]) => /^GongzhiApi\/(Community|Proposals)\//.test(path)).map(([path, id]) => [path, id]))
      .toEqual([['GongzhiApi/Proposals/Role', expect.stringMatching(/^AwsSolutions-IAM5\[Resource::\{"Fn::GetStackOutput".*MediaBucket.*\}\/media\/proposals\/\*\]$/)]]);
  });

  it('needs no TLS acknowledgement once a custom domain with its certificate is configured', () => {
    const custom = synthGongzhi({ context: {
      siteDomain: 'gongzhi.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c',
    } });
    const config = Template.fromStack(custom.site).toJSON().Resources as Record<string, { Type: string; Properties: any }>;
    const distribution = Object.values(config).find((r) => r.Type === 'AWS::CloudFront::Distribution')!;
    expect(distribution.Properties.DistributionConfig).toMatchObject({
      Aliases: ['gongzhi.example.org'],
      ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
    });
    expect(acknowledgements(custom.app).map(([, id]) => id)).not.toContain('AwsSolutions-CFR4');
  });

  it('stays clean when deployed to a concrete account and region, in either partition', () => {
    // China needs its own settings (china.test.ts): no Cognito there, and a filed domain.
    const china = { oidcIssuer: 'https://login.example.cn', oidcAudience: 'gongzhi', oidcClientId: 'gongzhi',
      siteDomain: 'gongzhi.example.cn', iamCertificateId: 'ASCAEXAMPLE1234567890' };
    for (const [env, context] of [[{ region: 'us-east-1' }, {}], [{ account: '123456789012', region: 'ap-east-1' }, {}],
      [{ account: '123456789012', region: 'cn-north-1' }, china]] as const) {
      const pinned = synthGongzhi({ env, context });
      expect(new AwsSolutionsChecks().validateScope(pinned.app).violations, JSON.stringify(env)).toEqual([]);
    }
  });
});
