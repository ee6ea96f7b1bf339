/**
 * What the Lambda bundles use in place of `node:stream/web` (the alias is in infra/bundling.ts).
 * @middy/core imports its `ReadableStream` at load time for one check, on streamed responses, which
 * Gongzhi never makes; loading Node's web streams for it cost every cold start ~2.5–6 ms on the bench
 * machine (issue #14). This class answers `instanceof` exactly as the real one does (it asks the
 * global ReadableStream, Node's same class, only when the check runs) and is nothing else: a bundle
 * that imports any other name from `node:stream/web` fails to build, so the alias can never hand
 * code a half-made module. Local runs and tests are not bundled and keep the real module.
 */
export const ReadableStream = class {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.ReadableStream;
  }
};
