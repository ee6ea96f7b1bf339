/** Named errors thrown by use cases; `http/error-response.ts` is the one map from them to statuses. */
export interface Issue { path: string; code: string; message: string }

export class AppError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 429, readonly code: string, message: string,
    readonly issues?: Issue[]) {
    super(message);
    this.name = new.target.name;
  }
}
export class BadRequestError extends AppError {
  constructor(message: string, issues?: Issue[], code = 'bad_request') { super(400, code, message, issues); }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in to do this.') { super(401, 'unauthorized', message); }
}
export class ForbiddenError extends AppError {
  constructor(message: string) { super(403, 'forbidden', message); }
}
export class NotFoundError extends AppError {
  constructor(message: string) { super(404, 'not_found', message); }
}
export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict') { super(409, code, message); }
}
/** One person sent as many of a write as the community allows for now; `retryAfterSeconds` says when to come back. */
export class TooManyRequestsError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) { super(429, 'too_many', message); }
}
