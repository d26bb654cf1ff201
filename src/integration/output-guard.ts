/**
 * A failed build leaves no output folder. Astro writes dist/_astro, public/
 * files and pages as it goes, and a crash in any later step (a component that
 * throws, the search index, another integration) would leave a partial site
 * — or an earlier build's site — ready to be deployed. So the output folder
 * is removed when the process exits, unless the build finished.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// One guard per folder and process, even if the hooks run again or from another module instance.
const GUARDS = Symbol.for('regulations-portal.output-guards');
type Holder = { [GUARDS]?: Map<string, { finished: boolean }> };

/** Arms the guard for `outDir`; call the returned function once the whole build has succeeded. */
export function guardOutput(outDir: URL): () => void {
  const path = fileURLToPath(outDir);
  const guards = ((globalThis as Holder)[GUARDS] ??= new Map());
  let state = guards.get(path);
  if (!state) {
    const armed = { finished: false };
    guards.set(path, (state = armed));
    // 'exit' runs for process.exit(1) (Astro's error path) and for a normal end; only synchronous work is possible here.
    process.once('exit', (code) => {
      if (armed.finished && code === 0) return;
      rmSync(path, { recursive: true, force: true });
      console.error(`构建失败：已删除 ${path}，未发布任何内容。`);
    });
  }
  state.finished = false;
  const armed = state;
  return () => {
    armed.finished = true;
  };
}
