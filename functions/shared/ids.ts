import { monotonicFactory } from 'ulid';

/** Time-ordered, unique ids; monotonic so ids made in one millisecond still sort by creation. */
export const newId: () => string = monotonicFactory();
