/**
 * A server the app connects to (SMTP, IMAP, an SMSC): a host name, an IPv4 address (a host name's
 * shape) or a bare IPv6 address; never "host:port" (the port is its own field) nor spaces. A plain
 * string, not a schema, so a widget may check the same pattern beside the field without bundling TypeBox.
 */
export const HOST_PATTERN =
  '^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})$';
