/**
 * Which API errors reach an SDK error class or predicate, by HTTP status and body type, from
 * shared/reference/uqpay-sdk-facts.md (Node §3.2, Python §4.2, Go §5.1, Java §6.1). One function,
 * so that it can later read the SDK error-class data module (issue 13) instead of this table.
 * Base classes (`UQPayError`, `APIError`, `UqpayApiException`) are left out on purpose: catching
 * every API error is how code gets to the `code`, not a way of handling one of them.
 */
import type { Family } from '../scanners/types';

type Reaches = (status: number, type: string) => boolean;

const nodeLike = (notFoundByType: boolean): Record<string, Reaches> => {
  const named: Record<string, Reaches> = {
    AuthenticationError: (s) => s === 401,
    ForbiddenError: (s) => s === 403,
    NotFoundError: (s, t) => s === 404 || (notFoundByType && t === 'not_found' && s !== 401 && s !== 403),
    ConflictError: (s, t) => s === 409 && !(notFoundByType && t === 'not_found'),
    RateLimitError: (s, t) => s === 429 && !(notFoundByType && t === 'not_found'),
    ServerError: (s, t) => s >= 500 && !(notFoundByType && t === 'not_found'),
  };
  const byStatus = Object.values(named);
  const picked = (s: number, t: string) => byStatus.some((r) => r(s, t));
  named.IdempotencyError = (s, t) => t === 'idempotency_error' && !picked(s, t);
  named.ValidationError = (s, t) => t !== 'idempotency_error' && !picked(s, t);
  return named;
};

const NODE = nodeLike(false);
const PYTHON = nodeLike(true);
const GO: Record<string, Reaches> = {
  IsNotFound: (s, t) => s === 404 || t === 'not_found',
  IsUnauthorized: (s) => s === 401,
  IsBadRequest: (s) => s === 400,
};
const JAVA: Record<string, Reaches> = {
  isNotFound: (s) => s === 404,
  isUnauthorized: (s) => s === 401,
  isBadRequest: (s) => s === 400,
  isForbidden: (s) => s === 403,
  isServerError: (s) => s >= 500,
  isClientError: (s) => s >= 400 && s < 500,
};

const BY_FAMILY: Partial<Record<Family, Record<string, Reaches>>> = { js: NODE, python: PYTHON, go: GO, java: JAVA, kotlin: JAVA };

/** The class and predicate names whose mention in an error path can cover errors, for a family. */
export function sdkClassNames(family: Family): string[] {
  return Object.keys(BY_FAMILY[family] ?? {});
}

/** Does an error with these statuses and possible types always reach `name`? (Every combination must.) */
export function sdkClassCovers(family: Family, name: string, statuses: readonly number[], types: readonly string[]): boolean {
  const reaches = BY_FAMILY[family]?.[name];
  if (!reaches || !statuses.length) return false;
  const ts = types.length ? types : [''];
  return statuses.every((s) => ts.every((t) => reaches(s, t)));
}
