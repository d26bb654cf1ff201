/** The seed with an article 37 inserted and the rest renumbered: every URL from art-37 on still resolves, to other words. */
import { parseNumeral, toChineseNumeral } from '../../../src/parse/numerals.ts';

const OUTLINE_LABEL = /^([〇零一二两三四五六七八九十百千]+)、/;

export function insertArticle37(source: string, words = '区政府建立会议纪要公开制度，会议纪要按规定向社会公开。'): string {
  return source
    .split('\n')
    .flatMap((line) => {
      const m = OUTLINE_LABEL.exec(line);
      const n = m ? parseNumeral(m[1]!) : undefined;
      if (n === undefined || n < 37) return [line];
      const renumbered = `${toChineseNumeral(n + 1)}、${line.slice(m![0].length)}`;
      return n === 37 ? [`三十七、${words}`, renumbered] : [renumbered];
    })
    .join('\n');
}
