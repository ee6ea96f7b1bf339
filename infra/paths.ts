/** Absolute paths the CDK app needs, independent of the working directory it is run from. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const webBuildDir = join(repoRoot, 'web', 'build');
