// State and actions of the bank-reply review queue: the pending replies, and per reply what the
// person did — Apply is queued (the server's job checks the deal again and applies once), so the
// reply is shown as "applying" and the list is read again until it leaves the queue (or comes back
// with a new reason); Dismiss is done at once. A refusal (decided meanwhile, not applicable) is shown
// on the reply it concerns.
import { signal, type Signal } from '@preact/signals';
import type { MailReply } from '../../wire/mail-replies.js';
import { ApiError } from '../shared/session-client.js';
import type { RepliesApi } from './replies-api.js';
import { problemOf, type SectionProblem } from './providers-model.js';

export type ReplyState = 'applying' | 'dismissing' | 'queued' | 'notPending' | 'notApplicable' | 'failed';

export interface RepliesModel {
  loading: Signal<boolean>;
  replies: Signal<MailReply[]>;
  /** Per reply id: what happened to the person's last click. */
  states: Signal<Record<string, ReplyState>>;
  /** Replies the person closed in this page, with what they did (they leave the list). */
  done: Signal<{ id: string; subject: string; how: 'applied' | 'dismissed' }[]>;
  problem: Signal<{ key: SectionProblem; detail: string } | null>;
  load(): Promise<void>;
  apply(id: string): Promise<void>;
  dismiss(id: string): Promise<void>;
}

const RECHECK_MS = 1_500;
const RECHECKS = 6;

export function createRepliesModel(api: RepliesApi, o: { recheckMs?: number } = {}): RepliesModel {
  const loading = signal(true);
  const replies = signal<MailReply[]>([]);
  const states = signal<Record<string, ReplyState>>({});
  const done = signal<{ id: string; subject: string; how: 'applied' | 'dismissed' }[]>([]);
  const problem = signal<{ key: SectionProblem; detail: string } | null>(null);
  const setState = (id: string, s: ReplyState | null) => {
    const { [id]: _, ...rest } = states.value;
    states.value = s ? { ...rest, [id]: s } : rest;
  };

  async function load(): Promise<void> {
    try {
      const list = (await api.pending()).replies;
      // A reply queued for Apply that left the list was applied; one still here keeps its state.
      for (const [id, s] of Object.entries(states.value))
        if (s === 'queued' && !list.some((r) => r.id === id)) {
          const r = replies.value.find((x) => x.id === id);
          if (r) done.value = [...done.value, { id, subject: r.subject, how: 'applied' }];
          setState(id, null);
        }
      replies.value = list;
      problem.value = null;
    } catch (e) {
      problem.value = problemOf(e);
    } finally {
      loading.value = false;
    }
  }

  async function recheck(id: string, left: number): Promise<void> {
    await new Promise((r) => setTimeout(r, o.recheckMs ?? RECHECK_MS));
    await load();
    const still = replies.value.find((r) => r.id === id);
    if (still && states.value[id] === 'queued' && left > 1) return recheck(id, left - 1);
    // Still here after the job ran: it was sent back with a new reason (shown with the others).
    if (still && states.value[id] === 'queued') setState(id, null);
  }

  function refusal(e: unknown): ReplyState {
    if (e instanceof ApiError && e.code === 'MAIL_REPLY_NOT_PENDING') return 'notPending';
    if (e instanceof ApiError && e.code === 'MAIL_REPLY_NOT_APPLICABLE') return 'notApplicable';
    return 'failed';
  }

  return {
    loading,
    replies,
    states,
    done,
    problem,
    load,
    async apply(id) {
      if (states.value[id] === 'applying' || states.value[id] === 'queued') return;
      setState(id, 'applying');
      try {
        await api.apply(id);
        setState(id, 'queued');
        void recheck(id, RECHECKS);
      } catch (e) {
        setState(id, refusal(e));
      }
    },
    async dismiss(id) {
      if (states.value[id]) return;
      setState(id, 'dismissing');
      try {
        const r = await api.dismiss(id);
        done.value = [...done.value, { id, subject: r.reply.subject, how: 'dismissed' }];
        replies.value = replies.value.filter((x) => x.id !== id);
        setState(id, null);
      } catch (e) {
        setState(id, refusal(e));
      }
    },
  };
}
