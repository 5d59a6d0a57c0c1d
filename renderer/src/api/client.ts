/**
 * The renderer's only way to the backend. In Electron the preload provides `window.siteselect`;
 * in the browser edition the same methods are POSTed to /api/<method> on our own origin.
 * Only the rest of api/ calls these: components go through the query and mutation hooks
 * (queries.ts, mutations.ts), which lint enforces (eslint.config.js).
 */
import type { ArgsOf, Bridge, Envelope, ErrorCode, ResultOf } from '../../../electron/contract/api.ts';
import type { MethodName } from '../../../electron/contract/methods.ts';

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

async function overHttp(method: MethodName, args: unknown): Promise<Envelope<unknown>> {
  const response = await fetch(`./api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args ?? {}),
  });
  return (await response.json()) as Envelope<unknown>;
}

function send(method: MethodName, args: unknown): Promise<Envelope<unknown>> {
  // Not declared on Window: nothing outside this module should reach the bridge.
  const bridge = (window as { siteselect?: Bridge }).siteselect;
  return bridge ? (bridge[method] as (a?: unknown) => Promise<Envelope<unknown>>)(args) : overHttp(method, args);
}

/** Calls without arguments sent by the page's first script, each taken by the first `call` of its method. */
const early = new Map<MethodName, Promise<Envelope<unknown>>>();

/**
 * Sends these argument-less calls now, for the first `call` of each to take: the page's first
 * script (early-entry.ts) asks for what the first view needs while the main bundle downloads.
 */
export function callEarly(methods: readonly MethodName[]): void {
  for (const method of methods) {
    const sent = send(method, undefined);
    sent.catch(() => undefined); // a failure reaches the call that takes it
    early.set(method, sent);
  }
}

export async function call<M extends MethodName>(method: M, args?: ArgsOf<M>): Promise<ResultOf<M>> {
  const sent = args === undefined ? early.get(method) : undefined;
  if (sent) early.delete(method);
  const envelope = await (sent ?? send(method, args));
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  return envelope.result as ResultOf<M>;
}

/** Where basemap tiles come from: the page's own origin in both editions. */
export function tileUrlTemplate(): string {
  return `${window.location.origin}/tiles/basemap/{z}/{x}/{y}.pbf`;
}
