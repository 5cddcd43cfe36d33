/**
 * The app's source key for the portal's offline event queue (doc: api-reference/events/
 * offline-events.md "How to avoid cycles"): the offline deal events are bound with it and every deal
 * write of the app carries it, so the app's own writes never come back as offline events.
 * UNVERIFIED(b24): honoured on the Professional plan and above; elsewhere our writes are in the
 * queue and cost one read each, which the change filter then drops (stage unchanged).
 */
export const AUTH_CONNECTOR = 'b24lending';
