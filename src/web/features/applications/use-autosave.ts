import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveFormResponse } from './api';

export type AutosaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'offline' | 'error' | 'conflict';

interface LocalDraft {
  data: Record<string, unknown>;
  /** The server version the draft was based on. */
  baseVersion: number;
  at: string;
}

const DEBOUNCE_MS = 1000;
/** Browsers cap keepalive request bodies at 64 KiB in total. */
const KEEPALIVE_MAX = 60_000;

export const draftKey = (applicationId: string, formId: string) => `jx.draft.${applicationId}.${formId}`;

function readDraft(key: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export interface AutosaveOptions {
  applicationId: string;
  formId: string;
  initialData: Record<string, unknown>;
  initialVersion: number;
  /** Off for read-only forms. */
  enabled: boolean;
  onSaved?: (res: SaveFormResponse) => void;
  /** Loads the server's current data and version (after a conflict). */
  fetchLatest: () => Promise<{ data: Record<string, unknown>; version: number }>;
}

/**
 * Autosave of one form draft (issue 4: no work lost on a closed tab or a network drop): saves ~1 s after the last
 * change, at once on blur / tab switch / the page being hidden or closed (keepalive), sends the version it last saw
 * (a stale one is refused with 409 and autosave stops rather than overwrite), and keeps a copy in localStorage
 * until the server has it.
 */
export function useAutosave({ applicationId, formId, initialData, initialVersion, enabled, onSaved, fetchLatest }: AutosaveOptions) {
  const key = draftKey(applicationId, formId);
  const [data, setDataState] = useState<Record<string, unknown>>(initialData);
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [serverIssues, setServerIssues] = useState<{ path: string; message: string }[] | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [staleDraft, setStaleDraft] = useState<LocalDraft | null>(null);

  const dataRef = useRef(data);
  const versionRef = useRef(initialVersion);
  const dirtyRef = useRef(false);
  const inflightRef = useRef<Promise<void> | null>(null);
  const pendingRef = useRef(false);
  const conflictRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const writeDraft = useCallback(() => {
    try {
      localStorage.setItem(key, JSON.stringify({ data: dataRef.current, baseVersion: versionRef.current, at: new Date().toISOString() } satisfies LocalDraft));
    } catch {
      /* storage full or disabled: the server save still runs */
    }
  }, [key]);

  const save = useCallback(
    async (keepalive = false): Promise<void> => {
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        timerRef.current = null;
      }
      if (!enabledRef.current || conflictRef.current || !dirtyRef.current) return inflightRef.current ?? undefined;
      if (inflightRef.current) {
        pendingRef.current = true;
        return inflightRef.current;
      }
      const snapshot = dataRef.current;
      const body = JSON.stringify({ data: snapshot, version: versionRef.current });
      dirtyRef.current = false;
      setStatus('saving');
      const run = (async () => {
        try {
          const res = await fetch(`/api/applications/${applicationId}/forms/${formId}`, {
            method: 'PUT',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body,
            keepalive: keepalive && body.length < KEEPALIVE_MAX,
          });
          const payload = await res.json().catch(() => undefined);
          if (res.ok) {
            const r = payload as SaveFormResponse;
            versionRef.current = r.version;
            setSavedAt(r.savedAt);
            setServerIssues(r.issues);
            setError(null);
            if (dirtyRef.current) {
              setStatus('dirty');
              writeDraft();
            } else {
              setStatus('saved');
              localStorage.removeItem(key);
            }
            onSavedRef.current?.(r);
            return;
          }
          dirtyRef.current = true;
          const e = payload?.error ?? {};
          if (res.status === 409 && e.code === 'VERSION_CONFLICT') {
            conflictRef.current = true;
            setStatus('conflict');
            return;
          }
          if (e.fields && typeof e.fields === 'object') {
            // Field errors of the request (`data.<path>`), shown on their fields.
            setServerIssues(Object.entries(e.fields as Record<string, string>).map(([path, message]) => ({ path: path.replace(/^data\./, ''), message })));
          }
          setError(e.message ?? `HTTP ${res.status}`);
          setStatus('error');
        } catch {
          // Network drop: the draft stays in localStorage and is sent again when the browser is back online.
          dirtyRef.current = true;
          writeDraft();
          setStatus('offline');
        } finally {
          inflightRef.current = null;
          if (pendingRef.current) {
            pendingRef.current = false;
            if (dirtyRef.current && !conflictRef.current) void save(keepalive);
          }
        }
      })();
      inflightRef.current = run;
      return run;
    },
    [applicationId, formId, key, writeDraft],
  );

  const setData = useCallback(
    (next: Record<string, unknown>) => {
      dataRef.current = next;
      setDataState(next);
      if (!enabledRef.current) return;
      dirtyRef.current = true;
      if (!conflictRef.current) setStatus((s) => (s === 'offline' ? s : 'dirty'));
      writeDraft();
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [save, writeDraft],
  );

  // A draft left on this device by a closed tab or a network drop.
  useEffect(() => {
    if (!enabled) return;
    const draft = readDraft(key);
    if (!draft) return;
    if (JSON.stringify(draft.data) === JSON.stringify(initialData)) {
      localStorage.removeItem(key);
      return;
    }
    if (draft.baseVersion === initialVersion) {
      setRestored(draft.at);
      setData(draft.data);
      void save();
    } else {
      setStaleDraft(draft);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save(true);
    };
    const onPageHide = () => void save(true);
    const onOnline = () => void save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
      void save(true);
    };
  }, [save]);

  const reload = useCallback(async () => {
    const latest = await fetchLatest();
    conflictRef.current = false;
    dirtyRef.current = false;
    versionRef.current = latest.version;
    dataRef.current = latest.data;
    setDataState(latest.data);
    localStorage.removeItem(key);
    setStaleDraft(null);
    setStatus('idle');
  }, [fetchLatest, key]);

  const applyDraft = useCallback(() => {
    if (!staleDraft) return;
    setStaleDraft(null);
    setData(staleDraft.data);
    void save();
  }, [staleDraft, setData, save]);

  const dropDraft = useCallback(() => {
    localStorage.removeItem(key);
    setStaleDraft(null);
  }, [key]);

  return { data, setData, save, status, savedAt, error, serverIssues, restored, staleDraft, reload, applyDraft, dropDraft, version: versionRef };
}
