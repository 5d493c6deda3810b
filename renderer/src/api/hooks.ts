import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../../shared/api';
import { ApiError, call } from './client';

/**
 * The query key of a call: its name, then its input. Invalidating a name reaches every input of it, so a screen names
 * what a change touches by the calls that read it, never by a hand-written key.
 */
export const callKey = <N extends CallName>(name: N, input?: CallInput<N>) =>
  input === undefined ? ([name] as const) : ([name, input] as const);

type QueryOptions<N extends CallName> = Omit<UseQueryOptions<CallOutput<N>, ApiError>, 'queryKey' | 'queryFn'>;

/** A call's answer, cached under its key and refreshed when a change invalidates it. */
export function useCall<N extends CallName>(name: N, input: CallInput<N>, options?: QueryOptions<N>) {
  return useQuery<CallOutput<N>, ApiError>({
    queryKey: callKey(name, input),
    queryFn: () => call(name, input),
    ...options,
  });
}

/** A change through a call: `invalidates` names the calls whose answers it makes stale. */
export function useCallMutation<N extends CallName>(
  name: N,
  options: {
    invalidates?: readonly CallName[];
    onSuccess?: (data: CallOutput<N>, input: CallInput<N>) => void;
    onError?: (error: ApiError, input: CallInput<N>) => void;
  } = {},
) {
  const qc = useQueryClient();
  return useMutation<CallOutput<N>, ApiError, CallInput<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: async (data, input) => {
      await Promise.all((options.invalidates ?? []).map((n) => qc.invalidateQueries({ queryKey: callKey(n) })));
      options.onSuccess?.(data, input);
    },
    onError: options.onError,
  });
}
