// Socket events, library response callbacks and timers run with no caller above them: a throw there
// is an uncaught exception, and Node ends the process — for every portal, because of one SMSC. Every
// such callback in server/integrations/ is wrapped so that an error goes to `onError`, which turns it
// into a failed send or a dropped report with its reason.

/** `callback` with any throw handed to `onError` instead of the event loop. */
export function guarded<A extends unknown[]>(callback: (...args: A) => void, onError: (error: unknown) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      callback(...args);
    } catch (error) {
      try {
        onError(error);
      } catch {
        // The last resort must not throw either: the error is dropped rather than the process.
      }
    }
  };
}

/** A one-line reason for a failed job or report, whatever was thrown. */
export function errorReason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
