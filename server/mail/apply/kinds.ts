// The job kinds of applying bank replies (listed in server/jobs/handlers.ts).

export const MAIL_REPLY_JOB = {
  /** Apply one recorded reply's decision: check the deal, record it once, queue the move and notices. */
  apply: 'mail.reply.apply',
  /** One notice of an applied decision: the timeline comment, the client's SMS or the client's e-mail. */
  notice: 'mail.reply.notice',
  /** A to-do for the deal's responsible: a reply waits in the review queue. */
  todo: 'mail.reply.todo',
} as const;

export interface ApplyReplyPayload {
  replyId: string;
  /** Who clicked Apply in the review queue; null when the reply applied by itself. */
  userId: number | null;
}

export type NoticeChannel = 'comment' | 'sms' | 'email';

export interface NoticePayload {
  replyId: string;
  noticeKey: string;
  channel: NoticeChannel;
}

export interface TodoPayload {
  replyId: string;
}
