import { describe, expect, it } from 'vitest';
import { headScript } from '../../../src/integration/reading-prefs.ts';

/** Run the inline script against a minimal document and storage. */
function run(stored: string | null, storageThrows = false) {
  const classes = new Set<string>();
  const root = { classList: { add: (c: string) => classes.add(c) }, dataset: {} as Record<string, string> };
  const storage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error('blocked');
      return key === 'text-size' ? stored : null;
    },
  };
  new Function('document', 'localStorage', headScript())({ documentElement: root }, storage);
  return { classes, dataset: root.dataset };
}

describe('the inline head script (large text before first paint)', () => {
  it('marks <html class="js"> and applies a saved large-text choice', () => {
    expect(run('large')).toEqual({ classes: new Set(['js']), dataset: { textSize: 'large' } });
    expect(run('normal').dataset).toEqual({});
    expect(run(null).dataset).toEqual({});
  });

  it('survives blocked storage', () => {
    expect(run(null, true)).toEqual({ classes: new Set(['js']), dataset: {} });
  });

  it('is minified: no comments, no type-stripping padding', () => {
    const script = headScript();
    expect(script).not.toMatch(/\/\/|\/\*|\s{2}/);
    expect(script.length).toBeLessThan(200);
  });
});
