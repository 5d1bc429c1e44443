// Computes Nx's project graph and writes it to .nx/workspace-data. @nx/enforce-module-boundaries
// reads only that cached graph: on a fresh clone it has none and skips every boundary check with a
// warning; with a stale one it misses projects added since. `npm run lint` runs this first.
import { createProjectGraphAsync } from '@nx/devkit';

process.env.NX_DAEMON = 'false';
await createProjectGraphAsync({ exitOnError: true });
