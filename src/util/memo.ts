/**
 * Memoise a pure function of a string for the life of the process (the results must be treated as
 * immutable). Bounded: past `max` entries the memory starts over, so hostile input cannot grow it.
 */
export function memoByText<T>(fn: (text: string) => T, max = 100_000): (text: string) => T {
  let memory = new Map<string, T>();
  return (text) => {
    let result = memory.get(text);
    if (result === undefined) {
      result = fn(text);
      if (memory.size >= max) memory = new Map();
      memory.set(text, result);
    }
    return result;
  };
}
