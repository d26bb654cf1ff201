import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { displayPath, parseYaml, pathLabel, readYamlFile, YamlFileError, type ParseOptions } from '../../../src/data/yaml-file.ts';

const FILE = 'content/sample.yaml';

const schema = z.strictObject({
  title: z.string(),
  items: z.array(z.strictObject({ id: z.string(), count: z.number().int(), note: z.string().optional() })),
});

const SAMPLE = ['title: 样例', 'items:', '  - id: a', '    count: 1', '  - id: b', '    count: 2', ''].join('\n');

function problems(source: string, options?: ParseOptions) {
  try {
    parseYaml(FILE, source, schema, undefined, options);
  } catch (error) {
    expect(error).toBeInstanceOf(YamlFileError);
    return (error as YamlFileError).problems;
  }
  throw new Error('expected the source to be rejected');
}

describe('readYamlFile', () => {
  it('gives the data and positions of keys, values and list items', () => {
    const yaml = readYamlFile(FILE, SAMPLE);
    expect(yaml.data).toEqual({ title: '样例', items: [{ id: 'a', count: 1 }, { id: 'b', count: 2 }] });
    expect(yaml.at(['items', 1, 'count'])).toBe(`${FILE}:6:5`);
    expect(yaml.at(['items', 1, 'count'], 'value')).toBe(`${FILE}:6:12`);
    expect(yaml.at(['items', 1])).toBe(`${FILE}:5:5`);
    expect(yaml.at([])).toBe(`${FILE}:1:1`);
  });

  it('stops at the deepest node that exists, and says how deep that is', () => {
    const yaml = readYamlFile(FILE, SAMPLE);
    expect(yaml.locate(['items', 0, 'note'])).toEqual({ line: 3, column: 5, depth: 2 });
    expect(yaml.locate(['items', 7, 'id'])).toEqual({ line: 2, column: 1, depth: 1 });
    expect(yaml.locate(['nothing'], 'value')).toEqual({ line: 1, column: 1, depth: 0 });
  });

  it('throws on a syntax error at its position', () => {
    const broken = 'title: 样例\nitems: [a, b\n';
    expect(() => readYamlFile(FILE, broken)).toThrowError(new RegExp(`^${FILE}:\\d+:\\d+: YAML 语法错误：`));
    try {
      readYamlFile(FILE, 'title: 样例\ntitle: 重复\n');
    } catch (error) {
      expect((error as YamlFileError).problems[0]).toMatchObject({ line: 2, column: 1 });
      expect((error as Error).message).toMatch(new RegExp(`^${FILE}:2:1: YAML 语法错误：`));
      return;
    }
    throw new Error('expected a duplicate key to be rejected');
  });
});

describe('parseYaml', () => {
  it('returns the valid data', () => {
    expect(parseYaml(FILE, SAMPLE, schema).items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('reports a schema error at a nested path as file:line:column: path：message', () => {
    const broken = SAMPLE.replace('count: 2', 'count: 2.5');
    expect(() => parseYaml(FILE, broken, schema)).toThrowError(new RegExp(`^${FILE}:6:5: items\\[1\\]\\.count：`));
    expect(problems(broken, { point: 'value' })).toEqual([
      expect.objectContaining({ line: 6, column: 12, message: expect.stringMatching(/^items\[1\]\.count：/) }),
    ]);
  });

  it('points an unknown key at the key itself, whatever the pointing', () => {
    const broken = SAMPLE.replace('    count: 1', '    count: 1\n    nots: 备注');
    for (const point of ['key', 'value'] as const) {
      expect(problems(broken, { point })).toEqual([
        expect.objectContaining({ line: 5, column: 5, message: expect.stringMatching(/^items\[0\]\.nots：出现未知的键/) }),
      ]);
    }
  });

  it('points a missing key at the map that lacks it', () => {
    const broken = SAMPLE.replace('  - id: b\n    count: 2', '  - id: b');
    expect(problems(broken)).toEqual([
      expect.objectContaining({ line: 5, column: 5, message: expect.stringMatching(/^items\[1\]\.count：/) }),
    ]);
  });

  it('labels a problem with the whole document as the root', () => {
    expect(problems('- 1\n')).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringMatching(/^（根）：/) })]);
  });

  it('runs the check only on valid data and lists every problem', () => {
    const check = (data: z.output<typeof schema>) =>
      data.items.flatMap((item, i) => (item.count > 1 ? [{ path: ['items', i, 'count'], message: '太多' }] : []));
    expect(() => parseYaml(FILE, SAMPLE, schema, check)).toThrowError(`${FILE}:6:5: items[1].count：太多`);
    const message = (() => {
      try {
        parseYaml(FILE, SAMPLE.replace('count: 1', 'count: 3'), schema, check);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message.split('\n')).toEqual([`${FILE}:4:5: items[0].count：太多`, `${FILE}:6:5: items[1].count：太多`]);
  });
});

describe('helpers', () => {
  it('labels paths as a reader writes them', () => {
    expect(pathLabel(['rules', 0, 'amount'])).toBe('rules[0].amount');
    expect(pathLabel([2, 'id'])).toBe('[2].id');
    expect(pathLabel([])).toBe('（根）');
  });

  it('names a file relative to the working directory', () => {
    expect(displayPath(`${process.cwd()}/content/x.yaml`)).toBe('content/x.yaml');
    expect(displayPath('/elsewhere/x.yaml')).toBe('/elsewhere/x.yaml');
  });
});
