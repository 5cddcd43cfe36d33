// Parts of the emulator built on top of the core (portal UI, workflow runner, SMS): each adds REST
// methods and/or Fastify routes before the server starts listening. Add yours to DEFAULT_EXTENSIONS.
import type { FastifyInstance } from 'fastify';
import type { Core } from './core.js';
import type { MethodTable } from './rest/registry.js';

export interface EmulatorExtension {
  name: string;
  methods?: MethodTable;
  /** Called before listen: register routes, subscribe to core.notify. */
  register?(app: FastifyInstance, core: Core): void | Promise<void>;
}

export const DEFAULT_EXTENSIONS: EmulatorExtension[] = [];
