import { EyeOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewCalls } from '../../features/review-oversight/api';
import { LoadFailure, ReviewCallsTable } from '../../features/review-oversight/components';
import '../../features/review-oversight/i18n';

/** /app/oversight — the inspector's (纪检监察) list of calls in review; read-only. */
export default function OversightPage() {
  const { t } = useTranslation();
  const calls = useReviewCalls();
  useEffect(() => {
    document.title = `${t('reviewOversight.oversight.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  return (
    <div data-testid="oversight-calls">
      <Flex align="center" gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('reviewOversight.oversight.title')}
        </Typography.Title>
        <Tag icon={<EyeOutlined />} color="blue" data-testid="read-only">
          {t('reviewOversight.readOnly')}
        </Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('reviewOversight.oversight.intro')}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('reviewOversight.readOnlyHint')} style={{ marginBottom: 16 }} />
      <Card>{calls.error ? <LoadFailure error={calls.error} onRetry={() => void calls.refetch()} /> : <ReviewCallsTable calls={calls.data ?? []} loading={calls.isLoading} base="/app/oversight" />}</Card>
    </div>
  );
}
