import { describe, expect, it } from 'vitest';
import type { ReaderFeedbackStore } from '../../../src/core/recommend/ports.js';

/**
 * The behaviour every ReaderFeedbackStore backend must have. `make` gives a fresh store over a
 * database that holds papers 2401.00001 … 2401.00003 (dismissals reference papers), and a way to
 * move its clock.
 */
export function readerFeedbackContract(name: string, make: () => Promise<{ store: ReaderFeedbackStore; tick(): void; close(): Promise<void> }>) {
  const alice = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' };
  const bob = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U2' };
  const aliceElsewhere = { platform: 'slack' as const, workspaceId: 'T2', userId: 'U1' };

  describe(`ReaderFeedbackStore contract: ${name}`, () => {
    it('keeps dismissals per reader, newest first, once each, and undoes them', async () => {
      const env = await make();
      try {
        const s = env.store;
        expect(await s.dismiss(alice, '2401.00001')).toEqual({ added: true });
        env.tick();
        expect(await s.dismiss(alice, '2401.00002')).toEqual({ added: true });
        expect(await s.dismiss(alice, '2401.00001')).toEqual({ added: false });
        expect(await s.dismissed(alice, 10)).toEqual(['2401.00002', '2401.00001']);
        expect(await s.dismissed(alice, 1)).toEqual(['2401.00002']);
        expect(await s.dismissed(bob, 10)).toEqual([]);
        expect(await s.dismissed(aliceElsewhere, 10)).toEqual([]);
        expect(await s.undismiss(alice, '2401.00002')).toEqual({ removed: true });
        expect(await s.undismiss(alice, '2401.00002')).toEqual({ removed: false });
        expect(await s.dismissed(alice, 10)).toEqual(['2401.00001']);
      } finally {
        await env.close();
      }
    });

    it('keeps pins per reader in the order given, one per spelling', async () => {
      const env = await make();
      try {
        const s = env.store;
        expect(await s.pin(alice, 'Yann LeCun')).toEqual({ added: true });
        env.tick();
        expect(await s.pin(alice, '  world   models ')).toEqual({ added: true });
        expect(await s.pin(alice, 'World Models')).toEqual({ added: false });
        expect(await s.pins(alice)).toEqual(['Yann LeCun', 'world models']);
        expect(await s.pins(bob)).toEqual([]);
        expect(await s.unpin(alice, 'yann lecun')).toEqual({ removed: true });
        expect(await s.unpin(alice, 'yann lecun')).toEqual({ removed: false });
        expect(await s.pins(alice)).toEqual(['world models']);
      } finally {
        await env.close();
      }
    });
  });
}
