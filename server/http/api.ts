/**
 * The HTTP side: `/healthz`, the read API, `POST /api/v1/commands` (hardware controllers,
 * scripts), and the built client. Commands go through the same ShowService as sockets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiError, PROTOCOL_VERSION } from '@shared/protocol';
import { nowAndNext } from '@shared/derive';
import { findHonourees, isContentHash } from '@shared/patch';
import type { Instant } from '@shared/time';
import { type Auth, bearerPin } from '../auth';
import { lanAddresses } from '../banner';
import { apiError, statusOf } from '../errors';
import type { Logger } from '../log';
import { listRuns, reportFor } from '../reporting';
import { LARGE_COMMAND_LIMIT_BYTES, type ShowPort } from '../show-service';
import type { ShowStore } from '../store/store';
import { readBody } from './body';
import { serveClient } from './static';
import { type StatusExtras, statusResponse } from './status';

export interface HttpDeps {
  service: ShowPort;
  store: ShowStore;
  auth: Auth;
  clock: () => Instant;
  log: Logger;
  clientDir?: string | undefined;
  status?: StatusExtras;
  /** More fields for `GET /api/v1/info` (the backup laptop adds `node`). */
  info?: () => Record<string, unknown>;
}

/** `::ffff:10.0.0.5` → `10.0.0.5`, so one device counts as one address. */
export const clientAddress = (raw: string | undefined): string => (raw ?? 'unknown').replace(/^::ffff:/, '');

/** A label for the audit log, from `X-Baton-Label` (what a Companion button can send). */
export function cleanLabel(raw: unknown, fallback: string): string {
  const text = typeof raw === 'string' ? raw.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 60) : '';
  return text || fallback;
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(json);
}

const sendError = (res: ServerResponse, e: ApiError, extra?: Record<string, string>) => sendJson(res, statusOf(e), e, extra);

export function createHttpHandler(deps: HttpDeps) {
  const { service, store, auth, clock, log } = deps;

  async function postCommand(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = clientAddress(req.socket.remoteAddress);
    const pin = bearerPin(req.headers.authorization);
    if (pin === undefined) {
      req.resume();
      return sendError(res, apiError('unauthorized', 'send the MC or AV PIN as "Authorization: Bearer <PIN>"'));
    }
    const check = auth.check(pin, address);
    if (!check.ok) {
      req.resume();
      if (check.code === 'unauthorized') log.warn(`wrong PIN over HTTP from ${address}`);
      return sendError(res, apiError(check.code, check.message), check.code === 'too_many_attempts' ? { 'retry-after': '60' } : {});
    }
    const body = await readBody(req, LARGE_COMMAND_LIMIT_BYTES);
    if (!body.ok) {
      if (body.reason === 'aborted') return void res.destroy();
      return sendError(res, apiError('too_large', `the request body is over ${LARGE_COMMAND_LIMIT_BYTES} bytes`), { connection: 'close' });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(body.body.toString('utf8'));
    } catch (error) {
      return sendError(res, apiError('invalid_json', `the body is not valid JSON: ${(error as Error).message}`));
    }
    const actor = { role: check.role, label: cleanLabel(req.headers['x-baton-label'], `HTTP ${address}`), address };
    const ack = await service.submit(raw, actor, { bytes: body.body.length, guardPlainGo: true });
    if ('error' in ack) return sendError(res, ack);
    sendJson(res, 200, ack);
  }

  /**
   * [D4][D5] One honourees list by its content hash, as the programme holds it now. A hash names
   * one content for ever, so it is cached as immutable and revalidates with `If-None-Match` → 304.
   * No PIN: the public programme (`/api/v1/state`) carries the same lists.
   */
  function sendHonourees(req: IncomingMessage, res: ServerResponse, hash: string): void {
    const list = isContentHash(hash) ? findHonourees(service.current.programme, hash) : undefined;
    if (!list) return sendError(res, apiError('not_found', `no honourees list ${JSON.stringify(hash.slice(0, 40))} in the programme now`));
    const etag = `"${hash}"`;
    const caching = { etag, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' };
    const match = req.headers['if-none-match'];
    if (typeof match === 'string' && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
      res.writeHead(304, caching);
      return void res.end();
    }
    sendJson(res, 200, { hash, honourees: list }, caching);
  }

  function route(req: IncomingMessage, res: ServerResponse): void | Promise<void> {
    const url = new URL(req.url ?? '/', 'http://baton.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const reading = method === 'GET' || method === 'HEAD';

    if (path === '/healthz' && reading) return sendJson(res, 200, { ok: true });
    if (path === '/api/v1/state' && reading) {
      const { revision, programme, live } = service.current;
      return sendJson(res, 200, { revision, serverTime: clock(), programme, live, ...nowAndNext(programme, live) });
    }
    if (path.startsWith('/api/v1/honourees/') && reading) return sendHonourees(req, res, path.slice('/api/v1/honourees/'.length));
    if (path === '/api/v1/report' && reading) {
      const result = reportFor(store, service.current, url.searchParams.get('runId') ?? undefined, clock());
      return 'error' in result ? sendError(res, result) : sendJson(res, 200, result);
    }
    if (path === '/api/v1/info' && reading) {
      // For the set-up page's QR codes: the addresses other devices in the hall can reach.
      const port = req.socket.localPort;
      return sendJson(res, 200, { lanUrls: lanAddresses().map((a) => `http://${a}:${port}`), port, protocol: PROTOCOL_VERSION, ...deps.info?.() });
    }
    if (path === '/api/v1/status' && reading) return sendJson(res, 200, statusResponse(service, clock, deps.status ?? {}));
    if (path === '/api/v1/runs' && reading) return sendJson(res, 200, { runs: listRuns(store, service.current) });
    if (path === '/api/v1/commands' && method === 'POST') return postCommand(req, res);
    if (path === '/api' || path.startsWith('/api/') || path === '/healthz') {
      req.resume();
      return sendError(res, apiError('not_found', `no ${method} ${path.slice(0, 100)} in this API (see docs/api.md)`));
    }
    if (reading && serveClient(deps.clientDir, req, res, path)) return;
    req.resume();
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    Promise.resolve()
      .then(() => route(req, res))
      .catch((error: unknown) => {
        log.error(`HTTP ${req.method} ${req.url?.slice(0, 100)} failed: ${String(error)}`);
        if (!res.headersSent) sendJson(res, 500, apiError('not_possible', 'internal error'));
        else res.destroy();
      });
  };
}
