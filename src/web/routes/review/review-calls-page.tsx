import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewCalls } from '../../features/review-oversight/api';
import { LoadFailure, ReviewCallsTable } from '../../features/review-oversight/components';
import '../../features/review-oversight/i18n';

/** /app/review — the officer's calls in review, with the applications at each stage of the edition's procedure. */
export default function ReviewCallsPage() {
  const { t } = useTranslation();
  const calls = useReviewCalls();
  useEffect(() => {
    document.title = `${t('reviewOversight.calls.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const totals = useMemo(() => {
    const all = calls.data ?? [];
    const at = (id: string) => all.reduce((n, c) => n + (c.stages.find((s) => s.id === id)?.count ?? 0), 0);
    return { calls: all.length, desk: at('completeness-check') + at('substantive-review') + at('paper-intake'), expert: at('expert-review'), ranked: at('scored') + at('proposed') };
  }, [calls.data]);

  return (
    <div data-testid="review-calls">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reviewOversight.calls.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reviewOversight.calls.intro')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['calls', 'desk', 'expert', 'ranked'] as const).map((k) => (
          <Col span={6} key={k}>
            <Card size="small">
              <Statistic title={t(`reviewOversight.calls.stats.${k}`)} value={calls.isLoading ? '-' : totals[k]} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>{calls.error ? <LoadFailure error={calls.error} onRetry={() => void calls.refetch()} /> : <ReviewCallsTable calls={calls.data ?? []} loading={calls.isLoading} base="/app/review" />}</Card>
    </div>
  );
}
