import { describe, expect, it } from 'vitest';
import { folderOf, MAX_SLUG_BYTES, nameParts, slugOf, utf8Length } from '../../../src/corpus/identity.ts';

describe('nameParts', () => {
  it('splits a version date off the file name, half- or full-width brackets', () => {
    expect(nameParts('宪法相关法/监察法(2024-12-25).txt')).toEqual({ stem: '监察法', version: '2024-12-25' });
    expect(nameParts('监察法（2018-03-20）.TXT')).toEqual({ stem: '监察法', version: '2018-03-20' });
  });
  it('keeps a name without a date, and a bracket that is not a calendar date', () => {
    expect(nameParts('刑法/刑法修正案（四）.txt')).toEqual({ stem: '刑法修正案（四）' });
    expect(nameParts('x(2024-02-30).txt')).toEqual({ stem: 'x(2024-02-30)' });
    expect(nameParts('chaoyang-government-work-rules.txt')).toEqual({ stem: 'chaoyang-government-work-rules' });
  });
});

describe('slugOf', () => {
  it('leaves an ASCII slug as it is', () => {
    expect(slugOf('chaoyang-government-work-rules')).toBe('chaoyang-government-work-rules');
  });
  it('drops quotation marks and turns other punctuation and spaces into one hyphen', () => {
    expect(slugOf('上海市实施《义务教育法》办法')).toBe('上海市实施义务教育法办法');
    expect(slugOf('刑法修正案（四）')).toBe('刑法修正案-四');
    expect(slugOf('最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（五）')).toBe('最高人民法院-最高人民检察院关于执行刑法确定罪名的补充规定-五');
    expect(slugOf('最高人民法院 最高人民检察院关于')).toBe(slugOf('最高人民法院、最高人民检察院关于'));
  });
  it('folds full-width letters and digits and upper case', () => {
    expect(slugOf('ＡＢＣ　１２３')).toBe('abc-123');
    expect(slugOf('X.TXT Rules')).toBe('x-txt-rules');
  });
  it('gives nothing for a name of punctuation only', () => {
    expect(slugOf('《》（）')).toBe('');
  });
  it('shortens a slug too long for a folder name, keeping its start and a hash of the whole', () => {
    const long = '最高人民法院、最高人民检察院关于办理利用互联网、移动通讯终端、声讯台制作、复制、出版、贩卖、传播淫秽电子信息刑事案件具体应用法律若干问题的解释（二）';
    const slug = slugOf(long);
    expect(utf8Length(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slug).toMatch(/^最高人民法院-最高人民检察院关于办理.*-[0-9a-f]{8}$/);
    expect(slugOf(long.replace('（二）', '（三）'))).not.toBe(slug);
    expect(slugOf(long)).toBe(slug);
  });
});

describe('folderOf', () => {
  it('is the category path, empty at the root', () => {
    expect(folderOf('DLC/北京地方法规/地方性法规/北京/北京市安全生产条例.txt')).toBe('DLC/北京地方法规/地方性法规/北京');
    expect(folderOf('seed.txt')).toBe('');
  });
});
