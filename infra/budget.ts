/**
 * The account's monthly cost budget: a notice to the alarm topic when actual spend passes 80 % of the
 * limit, and when the month's forecast passes 100 %, so an operator hears before the bill, not after.
 */
import { Stack } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/** [kind of spend, percent of the limit] that sends a notice. */
export const budgetNotices = [['ACTUAL', 80], ['FORECASTED', 100]] as const;

export function createBudget(scope: Construct, id: string, props: { readonly limit: { readonly amount: number; readonly unit: string }; readonly topic: ITopic }): CfnBudget {
  const stack = Stack.of(scope);
  return new CfnBudget(scope, id, {
    budget: {
      // Budget names are unique per account, and one account may hold deployments in several regions.
      budgetName: `${stack.stackName}-${stack.region}-monthly-cost`,
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      budgetLimit: { amount: props.limit.amount, unit: props.limit.unit },
    },
    // Through the topic only: whoever subscribes to the alarms hears about the money too, once.
    notificationsWithSubscribers: budgetNotices.map(([notificationType, threshold]) => ({
      notification: { notificationType, comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE' },
      subscribers: [{ subscriptionType: 'SNS', address: props.topic.topicArn }],
    })),
  });
}
