// The segment stage: splits the token stream where the speaker changes. Until handoffs are
// detected, the whole transcript is one segment with no speaker.

import type { Segment, Token } from './types.js';

export function segmentSpeakers(tokens: Token[]): Segment[] {
  const lines = tokens.map((t) => t.line);
  return [
    {
      id: 1,
      speaker: null,
      role: null,
      title: null,
      firstToken: 0,
      endToken: tokens.length,
      startLine: lines.length ? lines[0] : 1,
      endLine: lines.length ? lines[lines.length - 1] : 1,
    },
  ];
}
