/**
 * HTTP for the pair: `POST /api/v1/promote` (MC PIN), and CORS on what a screen reads while it
 * fails over to the other laptop (another origin). No credentials travel: auth is a bearer PIN.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerPin, type Auth } from '../auth';
import { apiError, statusOf } from '../errors';
import { clientAddress } from '../http/api';
import type { Logger } from '../log';
import type { Pair } from './pair';

const CROSS_ORIGIN = new Set(['/api/v1/info', '/api/v1/state', '/api/v1/promote']);

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export function withPairRoutes(
  inner: (req: IncomingMessage, res: ServerResponse) => void,
  deps: { pair: Pair; auth: Auth; log: Logger },
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://baton.invalid').pathname;
    if (!CROSS_ORIGIN.has(path)) return inner(req, res);
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
      return void res.end();
    }
    if (path !== '/api/v1/promote') return inner(req, res);
    req.resume();
    if (req.method !== 'POST') return json(res, 404, apiError('not_found', 'promote with POST /api/v1/promote and the MC PIN'));
    const address = clientAddress(req.socket.remoteAddress);
    const pin = bearerPin(req.headers.authorization);
    if (pin === undefined) return json(res, 401, apiError('unauthorized', 'send the MC PIN as "Authorization: Bearer <PIN>"'));
    const check = deps.auth.check(pin, address);
    if (!check.ok) return json(res, statusOf(apiError(check.code, check.message)), apiError(check.code, check.message));
    if (check.role !== 'mc') return json(res, 403, apiError('forbidden', 'only the MC PIN may promote a backup'));
    const result = deps.pair.promote();
    if ('error' in result) return json(res, statusOf(result), result);
    deps.log.info(`promotion requested from ${address}`);
    json(res, 200, result);
  };
}
