import type { SecuritySlice } from './kit';
import { changesSlice } from './changes';
import { dashboardsSlice } from './dashboards';
import { fundUseSlice } from './fund-use';
import { projectsSlice } from './projects';
import { reportsSlice } from './reports';
import { revocationSlice } from './revocation';

/** The domains that declare their rows in slice files; the matrix and fuzz suites compose them. */
export const SLICES: readonly SecuritySlice[] = [projectsSlice, fundUseSlice, reportsSlice, changesSlice, revocationSlice, dashboardsSlice];
