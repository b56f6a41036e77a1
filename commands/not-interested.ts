import { UserError } from '../src/core/errors.js';
import type { ReaderFeedbackStore } from '../src/core/recommend/ports.js';
import type { Caller, Reply } from '../src/core/reply.js';
import type { PaperStore } from '../src/core/store/ports.js';

/** 👎 Not interested on a recommendation, and its Undo. */
export async function notInterested(deps: { store: PaperStore; feedback?: ReaderFeedbackStore }, caller: Caller, paperId: string, dismiss: boolean): Promise<Reply> {
  if (!deps.feedback) throw new UserError('Recommendations are not enabled on this bot.');
  const paper = await deps.store.getPaper(paperId);
  if (!paper) throw new UserError(`No paper with id ${paperId} in the store.`);
  if (!dismiss) {
    const { removed } = await deps.feedback.undismiss(caller, paper.id);
    return { text: removed ? `Undone: "${paper.title}" counts as before in /papers for-me.` : `"${paper.title}" was not marked "not interested"; nothing to undo.`, ephemeral: true };
  }
  await deps.feedback.dismiss(caller, paper.id);
  return {
    text: `Not interested in "${paper.title}": /papers for-me will not show it again and will show fewer papers like it.`,
    ephemeral: true,
    actions: [{ kind: 'undismiss', paperId: paper.id }],
  };
}
