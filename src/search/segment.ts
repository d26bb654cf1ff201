/**
 * One shared Intl.Segmenter for Chinese words. Creating it costs tens of
 * milliseconds (it loads the dictionary), so the engine creates it while the
 * index downloads (warmUp).
 */
let segmenter: Intl.Segmenter | undefined;

export function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

export function warmUp(): void {
  words('区政府');
}
