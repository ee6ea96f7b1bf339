/**
 * What the Lambda bundles use in place of `@aws-sdk/credential-provider-node` (the alias is in
 * infra/bundling.ts). A Lambda's credentials are its role's, in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), and they stay valid while the
 * container lives. The default chain would also carry SSO, ini files, web identity, the container
 * and instance metadata services and a login flow, with their own STS/SSO clients: about 90 KiB of
 * every bundle and of every cold import, never used. Local runs, tests and the admin CLI are not
 * bundled and keep the SDK's default chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]): ReturnType<typeof fromEnv> => fromEnv(init);
