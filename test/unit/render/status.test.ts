import { describe, expect, it } from 'vitest';
import { regulationStatus, todayInBeijing } from '../../../src/render/status.ts';
import type { Meta } from '../../../src/tree/types.ts';

const reg = (slug: string, meta: Partial<Meta>) => ({ slug, meta: { title: slug, ...meta } as Meta });

describe('regulationStatus', () => {
  const old = reg('old', { docNumber: '朝政发〔2018〕9号', issued: '2018-10-22' });
  const current = reg('current', {
    docNumber: '朝政发〔2023〕5号',
    issued: '2023-04-06',
    effective: { text: '自印发之日起施行', date: '2023-04-06' },
    repeals: { title: 'old', docNumber: '朝政发〔2018〕9号', text: '' },
  });

  it('is 已废止 when another regulation in the corpus repeals it by 文号', () => {
    const s = regulationStatus(old, [old, current], '2024-01-01');
    expect(s.status).toBe('repealed');
    expect(s.repealedBy).toEqual({ slug: 'current', title: 'current', docNumber: '朝政发〔2023〕5号' });
  });

  it('is 现行有效 from its effective date on', () => {
    expect(regulationStatus(current, [old, current], '2023-04-06').status).toBe('inForce');
  });

  it('is 尚未生效 before its effective date', () => {
    expect(regulationStatus(current, [old, current], '2023-04-05').status).toBe('notYetInForce');
  });

  it('falls back to the issue date, and to in force without any date', () => {
    expect(regulationStatus(reg('a', { issued: '2030-01-01' }), [], '2029-12-31').status).toBe('notYetInForce');
    expect(regulationStatus(reg('b', {}), [], '2029-12-31').status).toBe('inForce');
  });

  it('does not let a regulation repeal itself', () => {
    const self = reg('self', { docNumber: 'X〔2020〕1号', repeals: { title: 'self', docNumber: 'X〔2020〕1号', text: '' } });
    expect(regulationStatus(self, [self], '2024-01-01').status).toBe('inForce');
  });
});

describe('todayInBeijing', () => {
  it('uses the Beijing calendar date, not UTC', () => {
    // 2023-04-05 17:00 UTC is already 2023-04-06 01:00 in Beijing.
    expect(todayInBeijing(new Date('2023-04-05T17:00:00Z'))).toBe('2023-04-06');
  });

  it('is 已修改 once a later version of the same work is in force, and not before', () => {
    const v1 = reg('w/2018-03-20', { issued: '2018-03-20' });
    const v2 = { slug: 'w', version: '2024-12-25', meta: { title: 'w', effective: { text: '', date: '2025-06-01' } } as Meta };
    expect(regulationStatus(v1, [v1], '2025-06-01', [v2])).toEqual({ status: 'amended', amendedBy: { slug: 'w', version: '2024-12-25' } });
    expect(regulationStatus(v1, [v1], '2025-05-31', [v2]).status).toBe('inForce');
  });

  it('is 已废止 when its history records a repeal on or before the day', () => {
    const r = reg('r', { issued: '2010-01-01', history: [{ event: '废止', date: '2020-01-01' }] } as Partial<Meta>);
    expect(regulationStatus(r, [r], '2020-01-01')).toEqual({ status: 'repealed', repealedOn: '2020-01-01' });
    expect(regulationStatus(r, [r], '2019-12-31').status).toBe('inForce');
  });
});
