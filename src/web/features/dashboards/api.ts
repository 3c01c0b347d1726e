import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardQuery, DashboardStudio, NextStep, StudiosDashboard, StudioWorkspace, WorkspaceStudio } from '../../../shared/dashboards';
import { api } from '../../lib/http';

export type { DashboardQuery, DashboardStudio, NextStep, StudiosDashboard, StudioWorkspace, WorkspaceStudio };

export function dashboardSearch(q: DashboardQuery): string {
  const p = new URLSearchParams();
  if (q.jurisdiction) p.set('jurisdiction', q.jurisdiction);
  if (q.year) p.set('year', String(q.year));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** GET /api/dashboards/studios — the officer's studios dashboard. */
export function useStudiosDashboard(q: DashboardQuery) {
  return useQuery({
    queryKey: ['dashboards', 'studios', q],
    queryFn: () => api<StudiosDashboard>('GET', `/api/dashboards/studios${dashboardSearch(q)}`),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/unit/studio-workspace — the unit's studios and what to do next. */
export function useStudioWorkspace() {
  return useQuery({ queryKey: ['dashboards', 'workspace'], queryFn: () => api<StudioWorkspace>('GET', '/api/unit/studio-workspace') });
}
