/** RFC 9457 problem details as answered by the DI Ops API. */
export interface FieldError {
  code: string;
  path?: string;
  message: string;
  /** The region whose calendar or window a scheduling rule was checked in. */
  region?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  requestId?: string;
}

/** Thrown by the API client for every non-2xx answer (and for network failures, status 0). */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Maps `problem.errors[].path` to one message per form field (first message wins). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const item of error.problem.errors ?? []) {
    const key = (item.path ?? '').replace(/^\/+/, '').replaceAll('/', '.');
    if (key && out[key] === undefined) out[key] = item.message;
  }
  return out;
}
