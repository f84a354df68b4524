/** Runs `work` over `inputs` with at most `limit` at a time; stops starting new ones once the signal aborts. */
export async function eachLimited<T>(inputs: readonly T[], limit: number, signal: AbortSignal, work: (input: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length && !signal.aborted) {
      const input = inputs[next++] as T;
      await work(input);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
}
