/** A failure the client caused or may act on; one error handler turns it into problem+json. */
export interface FieldError {
  code: string;
  path?: string;
  message: string;
  /** The region whose calendar or window the rule was checked in (scheduling rules). */
  region?: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export const notFound = (what = 'resource') => new AppError(404, 'not_found', `The ${what} does not exist.`);
export const forbidden = (message = 'Your role does not allow this action.') =>
  new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Sign in to continue.') => new AppError(401, 'unauthorized', message);
export const conflict = (code: string, message: string, path?: string) =>
  new AppError(409, code, message, { errors: [{ code, message, ...(path ? { path } : {}) }] });
export const unprocessable = (errors: FieldError[], message = 'The request breaks a rule.') =>
  new AppError(422, 'validation_failed', message, { errors });

export const PROBLEM_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
}

export function problem(status: number, code: string, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `https://diops.dev/problems/${code}`,
    title: PROBLEM_TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** 422 for one field breaking one rule. */
export const brokenRule = (code: string, path: string, message: string) =>
  unprocessable([{ code, path, message }], message);
