import { Alert, Card, Skeleton, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicyText } from './api';
import { relatedPrefix, toParagraphs } from './format';

/**
 * The verbatim texts of an edition (GET /api/policies/:id/text), as paragraphs with an anchor per article
 * (`#第七条`, `#三`, the 2026 大兴 notice's `#通知二`), scrolled to when the address names one.
 */
export function PolicyText({ policyId, hash }: { policyId: string; hash: string }) {
  const { t } = useTranslation();
  const text = usePolicyText(policyId);
  const docs = useMemo(
    () => (text.data?.texts ?? []).map((d, i) => ({ title: d.title, paragraphs: toParagraphs(d.text, i === 0 ? '' : relatedPrefix(d.title)) })),
    [text.data],
  );

  useEffect(() => {
    if (!hash || docs.length === 0) return;
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    const el = document.getElementById(id);
    if (!el) return;
    // Wait a frame so the tab's content is laid out.
    const h = requestAnimationFrame(() => {
      el.scrollIntoView({ block: 'start', behavior: 'auto' });
      el.classList.remove('jx-target');
      void el.offsetWidth;
      el.classList.add('jx-target');
    });
    return () => cancelAnimationFrame(h);
  }, [hash, docs]);

  if (text.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (text.error) return <Alert type="error" showIcon message={t('pol.common.loadError')} description={(text.error as Error).message} />;

  return (
    <div data-testid="policy-text">
      <style>{`
        .jx-para { line-height: 2; font-size: 15px; text-indent: 2em; margin: 0 0 6px; color: #262626; scroll-margin-top: 16px; }
        .jx-para.heading { text-indent: 0; text-align: center; font-weight: 600; font-size: 16px; margin: 14px 0 8px; }
        .jx-para.article { }
        .jx-para .jx-anchor { color: #a61d24; font-weight: 600; text-decoration: none; }
        .jx-para.jx-target { animation: jxflash 2.4s ease-out; border-radius: 4px; }
        @keyframes jxflash { 0% { background: #fff1b8; } 70% { background: #fff7d6; } 100% { background: transparent; } }
      `}</style>
      {docs.map((d, i) => (
        <Card key={i} title={d.title} style={{ marginBottom: 16 }} styles={{ body: { padding: '16px 40px', maxWidth: 900, margin: '0 auto' } }}>
          {d.paragraphs.map((p, j) => {
            const lead = p.anchor && p.kind === 'article' ? /^第[一二三四五六七八九十百零〇]+条/.exec(p.text)?.[0] : undefined;
            return (
              <p key={j} id={p.anchor} className={`jx-para ${p.kind}`}>
                {lead ? (
                  <>
                    <a className="jx-anchor" href={`#${p.anchor}`}>
                      {lead}
                    </a>
                    {p.text.slice(lead.length)}
                  </>
                ) : (
                  p.text
                )}
              </p>
            );
          })}
        </Card>
      ))}
      {docs.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
    </div>
  );
}
