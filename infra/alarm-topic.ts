/**
 * The operator's alarm topic: CloudWatch alarms and the cost budget publish to it, the operator's
 * email subscribes to it. Encrypted with a key of its own, because neither CloudWatch nor Budgets
 * may use the AWS-managed SNS key; publishing requires TLS.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** The services that publish to the topic: alarm state changes and budget notices. */
export const alarmPublishers = ['cloudwatch.amazonaws.com', 'budgets.amazonaws.com'] as const;

export interface AlarmTopicProps {
  /** Subscribed by email when given; the subscriber confirms from the message AWS sends. */
  readonly email: string | undefined;
}

export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const account = Stack.of(this).account;
    const key = new Key(this, 'Key', {
      description: 'Encrypts the Gongzhi alarm topic (alarm and budget notices)',
      enableKeyRotation: true,
      // Notices are transient: the key need not outlive the topic it encrypts.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    for (const service of alarmPublishers) {
      // SNS encrypts each notice with a data key made under this key, on the publisher's behalf;
      // which account may publish at all is the topic policy's condition below.
      key.addToResourcePolicy(new PolicyStatement({
        principals: [new ServicePrincipal(service)],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
      }));
    }
    this.topic = new Topic(this, 'Topic', {
      displayName: `Gongzhi alarms (${Stack.of(this).stackName})`,
      masterKey: key,
      enforceSSL: true,
    });
    for (const service of alarmPublishers) {
      // Only this account's alarms and budgets may publish (no confused deputy from another account).
      this.topic.addToResourcePolicy(new PolicyStatement({
        principals: [new ServicePrincipal(service)],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }));
    }
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }
}
