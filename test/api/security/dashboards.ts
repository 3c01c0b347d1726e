import { officerReaders, only, type SecuritySlice } from './kit';

/**
 * Authorisation rows of the dashboards routes (issue 7). The dashboard is scoped in the service to the caller's
 * jurisdictions (each officer sees their own; the module test shows another jurisdiction's rows stay out), so every
 * officer and the inspector get 200; the workspace is each unit's own. All are GETs: no fuzz targets.
 */
const anyUnit = () => only({ 'unit-a': 'ok', 'unit-b': 'ok', 'unit-c': 'ok' });

export const dashboardsSlice: SecuritySlice = {
  name: 'dashboards',
  reads: {
    'GET /api/dashboards/studios': { expect: officerReaders() },
    'GET /api/dashboards/studios.xlsx': { expect: officerReaders() },
    'GET /api/unit/studio-workspace': { expect: anyUnit() },
  },
};
