/**
 * A schema built the first time it is used rather than when its module loads. Building zod schemas
 * is most of what a Lambda's cold start spends beyond compiling its code (issue #14: ~15 ms of the
 * community function's ~95 ms import), and each Lambda, like each page, uses only a few of the
 * schemas it imports. Every top-level schema in functions/contracts is declared through this.
 *
 * The value behaves as the schema itself (a Proxy that forwards every operation to it once built),
 * so parsing, composing (`z.object({ id: Ulid })`, `z.extend`) and type inference are unchanged.
 * Imports nothing: contracts import zod only (DESIGN.md).
 */
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's own target has no such property: a Proxy may only report it as configurable.
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
