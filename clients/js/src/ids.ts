/**
 * Request ids (PROTOCOL 9.1): 32 lowercase hex digits, 16 chosen at random once per process
 * and 16 of a process-wide counter, so that no id repeats for a client id, across links too.
 */

const prefix = randomHex(8);

let counter = 0n;

export function nextRequestId(): string {
  counter += 1n;
  return prefix + counter.toString(16).padStart(16, '0');
}

/** `bytes` random bytes as lowercase hex. */
export function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes);
  const crypto = (globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;
  if (crypto !== undefined) {
    crypto.getRandomValues(values);
  } else {
    for (let i = 0; i < bytes; i += 1) {
      values[i] = Math.floor(Math.random() * 256);
    }
  }
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}
