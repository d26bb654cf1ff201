/** The committed sample library, scanned once per test file (texts the parser refuses are left out). */
import { scanLibrary, type Library } from '../../../src/corpus/load.ts';

let library: Library | undefined;

export function sampleLibrary(): Library {
  return (library ??= scanLibrary({ dir: 'test/library/texts', today: '2026-12-01' }).library);
}
