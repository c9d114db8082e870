/** Coded errors as values, in the contract's shape `{ error: { code, message } }`. */
import { type ApiError, type ErrorCode, HTTP_STATUS } from '@shared/protocol';

export const apiError = (code: ErrorCode, message: string, details?: string[]): ApiError => ({
  error: details && details.length ? { code, message, details } : { code, message },
});

export const statusOf = (e: ApiError): number => HTTP_STATUS[e.error.code];
