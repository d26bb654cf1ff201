import { describe, expect, it } from 'vitest';
import type { PageMatch } from '../../../src/search/match.ts';
import type { PathResult } from '../../../src/search/paths.ts';
import { pathsJoining } from '../../../src/scripts/search-paths.ts';

const match = (page: string, verbatim: boolean, coverage: number): PageMatch => ({
  page, score: 1, coverage, verbatim, essential: true, longest: 2, spans: [], wholeSpans: [], pieces: [], wholePieces: [],
});
const path = (url: string, verbatim: boolean, coverage: number): PathResult => ({ url, citation: url, filters: {}, match: match(url, verbatim, coverage) });

describe('pathsJoining', () => {
  const paths = [path('/a/', true, 1), path('/b/', false, 1), path('/c/', false, 0.6)];

  it('keeps only verbatim paths when the best clause is verbatim', () => {
    expect(pathsJoining(paths, match('x', true, 1)).map((p) => p.url)).toEqual(['/a/']);
  });

  it('keeps paths covering as much of the query as the best clause', () => {
    expect(pathsJoining(paths, match('x', false, 0.8)).map((p) => p.url)).toEqual(['/a/', '/b/']);
  });

  it('keeps every path when no clause answers', () => {
    expect(pathsJoining(paths, undefined)).toHaveLength(3);
  });
});
