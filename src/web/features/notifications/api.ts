import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxMessage, InboxResponse } from '../../../shared/notifications';
import { api } from '../../lib/http';

export type { InboxMessage, InboxResponse };

const KEY = ['notifications'] as const;

/** The signed-in user's in-app messages, newest first, with the unread count; refreshed every minute. */
export function useInbox(options: { limit?: number; unreadOnly?: boolean } = {}) {
  const { limit = 50, unreadOnly = false } = options;
  return useQuery({
    queryKey: [...KEY, limit, unreadOnly],
    queryFn: () => api<InboxResponse>('GET', `/api/notifications?limit=${limit}${unreadOnly ? '&unreadOnly=true' : ''}`),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ id: string; readAt: string }>('POST', `/api/notifications/${id}/read`),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ updated: number }>('POST', '/api/notifications/read-all'),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** '2026-11-23T10:00:00+08:00' → '2026-11-23 10:00' (already Beijing time). */
export const formatTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** Where a message leads: its application, when it is about one. */
export const applicationLink = (m: Pick<InboxMessage, 'applicationId'>) => (m.applicationId ? `/app/applications/${m.applicationId}` : null);
