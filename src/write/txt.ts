// Plain text output: the cleaned transcript, one paragraph per slide or speaker.

import type { CaptionDocument } from '../types.js';

export function writeTxt(doc: CaptionDocument): string {
  const parts = doc.title ? [doc.title, ''] : [];
  for (const paragraph of doc.paragraphs) parts.push(paragraph, '');
  return parts.join('\n');
}
