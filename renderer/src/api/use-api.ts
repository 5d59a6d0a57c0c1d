import { useCallback, useEffect, useState } from 'react';
import type { ArgsOf, ResultOf } from '../../../electron/contract/api.ts';
import type { MethodName } from '../../../electron/contract/methods.ts';
import { call } from './client.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** Calls a read-only method once on mount (and on reload) and tracks its state. */
export function useApi<M extends MethodName>(method: M, args?: ArgsOf<M>): ApiState<ResultOf<M>> {
  const [data, setData] = useState<ResultOf<M>>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(args ?? {});
  useEffect(() => {
    let live = true;
    call(method, JSON.parse(key) as ArgsOf<M>)
      .then((result) => live && (setData(() => result), setError(undefined)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [method, key, generation]);
  const reload = useCallback(() => {
    setLoading(true);
    setGeneration((g) => g + 1);
  }, []);
  return { data, error, loading, reload };
}
