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

export async function call<M extends MethodName>(method: M, args?: ArgsOf<M>): Promise<ResultOf<M>> {
  // Not declared on Window: nothing outside this module should reach the bridge.
  const bridge = (window as { siteselect?: Bridge }).siteselect;
  const envelope = bridge ? await (bridge[method] as (a?: unknown) => Promise<Envelope<unknown>>)(args) : await overHttp(method, args);
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  return envelope.result as ResultOf<M>;
}

/** Where basemap tiles come from: the page's own origin in both editions. */
export function tileUrlTemplate(): string {
  return `${window.location.origin}/tiles/basemap/{z}/{x}/{y}.pbf`;
}
