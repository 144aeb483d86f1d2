/**
 * A small typed event emitter. A listener that throws is isolated: the error goes to the
 * 'error' listeners (or nowhere, for an 'error' listener), never into the caller.
 */

export class Emitter<Events extends { [name: string]: unknown[] }> {
  private readonly listeners = new Map<keyof Events, Set<(...args: unknown[]) => void>>();

  private readonly onListenerError: (event: keyof Events, error: unknown) => void;

  constructor(onListenerError: (event: keyof Events, error: unknown) => void) {
    this.onListenerError = onListenerError;
  }

  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): () => void {
    if (typeof listener !== 'function') {
      throw new TypeError(`a listener for '${String(event)}' must be a function`);
    }
    let set = this.listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = listener as unknown as (...args: unknown[]) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    const set = this.listeners.get(event);
    if (set === undefined) {
      return;
    }
    for (const listener of [...set]) {
      try {
        listener(...args);
      } catch (error) {
        this.onListenerError(event, error);
      }
    }
  }
}
