/** cdk-nag acknowledgements of one exact wildcard resource in a role's policy, each with its reason. */
import { Stack, Validations } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

/**
 * cdk-nag names a resource the way the template spells it, and a cross-stack ARN is spelled only
 * once references are resolved (after aspects, before validation plugins): so the finding for
 * this one resource is acknowledged then, by its exact name, and nothing broader.
 */
export function acknowledgeWildcard(role: IRole, resource: string, reason: string): void {
  role.node.addValidation({
    validate: () => {
      const spelled = flattenCfnReference(Stack.of(role).resolve(resource));
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[Resource::${spelled}]`, reason });
      return [];
    },
  });
}
