import type { SnippetPart } from '../reply.js';
import { makeSnippet } from '../search/snippet.js';
import { pinStems } from './terms.js';

/** The part of the abstract where the "because" words are, those words marked (as search marks hits). */
export function becauseSnippet(abstract: string, because: string[]): SnippetPart[] {
  return makeSnippet(abstract, new Set(because.flatMap(pinStems)));
}
