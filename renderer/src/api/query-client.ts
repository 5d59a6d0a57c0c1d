/** The query cache's defaults for an offline app whose backend is on the same machine. */
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The machine is offline by design; TanStack's default would pause every query while the
        // browser reports no network, and our backend is never across one.
        networkMode: 'always',
        // Only the app's own writes change what it reads, and they invalidate what they touch (keys.ts).
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // A local backend that fails will fail again: show the error at once, as before.
        retry: false,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
