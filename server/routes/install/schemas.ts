import { Type } from '@sinclair/typebox';

// Wire shapes of the install paths (contract.md §1.2, §1.3). Everything arrives as strings in a
// PHP-bracket form; unknown fields are dropped by the validator. Auth fields are optional in the
// schema so that a missing token is answered by verification (401), not by validation (400).

const s = (max = 512) => Type.String({ maxLength: max });

export const AuthBlock = Type.Object({
  access_token: Type.Optional(s()),
  refresh_token: Type.Optional(s()),
  expires: Type.Optional(s(32)),
  expires_in: Type.Optional(s(32)),
  scope: Type.Optional(s(1024)),
  domain: Type.Optional(s(255)),
  server_endpoint: Type.Optional(s(1024)),
  client_endpoint: Type.Optional(s(1024)),
  member_id: Type.Optional(s(64)),
  user_id: Type.Optional(s(32)),
  status: Type.Optional(s(8)),
  application_token: Type.Optional(s(256)),
});

export const LifecycleBody = Type.Object({
  event: s(64),
  event_handler_id: Type.Optional(s(32)),
  data: Type.Optional(
    Type.Object({
      VERSION: Type.Optional(s(32)),
      PREVIOUS_VERSION: Type.Optional(s(32)),
      ACTIVE: Type.Optional(s(4)),
      INSTALLED: Type.Optional(s(4)),
      LANGUAGE_ID: Type.Optional(s(8)),
      CLEAN: Type.Optional(s(4)),
    }),
  ),
  ts: Type.Optional(s(32)),
  auth: Type.Optional(AuthBlock),
});

export const FrameQuery = Type.Object({
  DOMAIN: s(255),
  PROTOCOL: Type.Optional(s(1)),
  LANG: Type.Optional(s(8)),
  APP_SID: Type.Optional(s(128)),
});

export const InstallFrameBody = Type.Object({
  AUTH_ID: s(),
  AUTH_EXPIRES: Type.Optional(s(32)),
  REFRESH_ID: s(),
  SERVER_ENDPOINT: Type.Optional(s(1024)),
  APPLICATION_TOKEN: Type.Optional(s(256)),
  APPLICATION_SCOPE: Type.Optional(s(1024)),
  member_id: s(64),
  status: Type.Optional(s(8)),
  PLACEMENT: Type.Optional(s(64)),
});

export const Ok = Type.Object({ status: Type.String() });
export const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() });
