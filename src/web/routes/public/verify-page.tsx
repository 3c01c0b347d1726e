import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import type { DossierVerification } from '../../../shared/documents';
import { api, ApiError } from '../../lib/http';

type Verification = z.infer<typeof DossierVerification>;

/**
 * 打印件核验 — the page the QR code on a dossier's cover opens: the window (经开区 政务服务大厅) compares the
 * printout in hand with the online record (办事指南 六（四）: watermarked paper dossier).
 */
export default function VerifyPage() {
  const { code = '' } = useParams();
  useEffect(() => {
    document.title = '申报书打印件核验 - 匠心 技能大师工作室服务平台';
  }, []);
  const q = useQuery({
    queryKey: ['dossier-verify', code],
    queryFn: () => api<Verification>('GET', `/api/dossiers/verify/${encodeURIComponent(code)}`),
    retry: false,
  });
  return (
    <main className="jx-main" style={{ maxWidth: 820 }}>
      <Card title="申报书打印件核验" data-testid="verify-page">
        {q.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
        {q.error && (
          <Result
            status="warning"
            title="未找到该打印件的下载记录"
            subTitle={q.error instanceof ApiError && q.error.status === 400 ? '核验码格式不正确，请核对打印件封面上的二维码或核验码。' : '核验码不存在：该打印件可能并非从本平台下载，请要求申报单位重新下载打印。'}
          />
        )}
        {q.data && (
          <>
            <Result status="success" title="打印件与平台记录一致" subTitle={`核验码 ${code}：以下是该打印件下载时平台中的申报记录，请与纸质材料逐项核对。`} style={{ paddingBottom: 8 }} />
            <Descriptions bordered column={1} size="middle">
              <Descriptions.Item label="申报编号">{q.data.applicationNumber}</Descriptions.Item>
              <Descriptions.Item label="申报单位">{q.data.unitName}</Descriptions.Item>
              <Descriptions.Item label="申报批次">{q.data.callTitle}</Descriptions.Item>
              <Descriptions.Item label="当前状态">{q.data.statusName}</Descriptions.Item>
              <Descriptions.Item label="首次提交时间">{q.data.submittedAt ?? '尚未提交'}</Descriptions.Item>
              <Descriptions.Item label="打印件下载时间">{q.data.downloadedAt}（北京时间）</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Card>
    </main>
  );
}
