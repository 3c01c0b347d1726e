import type { NoticeDetail } from '../../../shared/registry';
import { formatShanghaiInstant } from '../../../shared/time';
import { createDoc, drawChrome, finish, grid, paragraph, sectionHeading, title } from '../../documents/pdf';
import { PLATFORM_NAME } from '../documents/documents.service';
import { NOTICE_CLOSING_TIME } from '../registry/registry.service';

const money = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

/** The public notice as a printable A4 PDF (Noto Sans SC): text, period, list, contacts. */
export async function noticePdf(n: NoticeDetail): Promise<Buffer> {
  const doc = await createDoc({ title: n.title, subject: `${n.publisher} 公示` });
  doc.addPage();
  title(doc, n.title, `${n.publisher} · 依据 ${n.documentNumber}`);
  for (const p of n.body.split(/\n{2,}/)) {
    paragraph(doc, p, { indent: true });
    doc.moveDown(0.4);
  }
  sectionHeading(doc, '公示期');
  doc.moveDown(0.4);
  paragraph(
    doc,
    `${n.startsOn} 至 ${n.endsOn} ${NOTICE_CLOSING_TIME}（北京时间），共 ${n.workingDays} 个工作日（按国务院办公厅节假日安排计算，法定节假日和休息日不计入）。${n.status === 'ended' ? '公示已结束。' : ''}`,
  );
  doc.moveDown(0.6);
  sectionHeading(doc, '公示名单');
  doc.moveDown(0.4);
  const withAmount = n.items.some((i) => i.amount !== undefined);
  const columns = [
    { label: '序号', weight: 6, align: 'center' as const },
    { label: '名称', weight: 34 },
    { label: '所在单位', weight: 28 },
    { label: '领办人', weight: 10, align: 'center' as const },
    ...(withAmount ? [{ label: '金额', weight: 12, align: 'right' as const }] : []),
  ];
  grid(
    doc,
    columns,
    n.items.map((it, i) => [
      String(i + 1),
      it.projectName ? `${it.name}\n建设项目：${it.projectName}` : it.name,
      it.unit,
      it.leader,
      ...(withAmount ? [it.amount !== undefined ? money(it.amount) : '—'] : []),
    ]),
  );
  doc.moveDown(0.6);
  sectionHeading(doc, '异议受理');
  doc.moveDown(0.4);
  for (const c of n.contacts) {
    paragraph(doc, [c.name && `联系人：${c.name}`, `电话：${c.phone}`, c.address && `地址：${c.address}`, c.hours && `时间：${c.hours}`, c.email && `邮箱：${c.email}`].filter(Boolean).join('    '));
  }
  paragraph(doc, '对公示名单有异议的，可在公示期内通过平台公示页面在线提出，或通过上述方式实名反映，并提供必要的证明材料。', { size: 10, color: '#555555' });
  if (n.publishedAt) {
    doc.moveDown(0.8);
    paragraph(doc, `${n.publisher}\n${formatShanghaiInstant(n.publishedAt).slice(0, 10)}`, { align: 'right' });
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    drawChrome(doc, { header: n.jurisdictionName, headerRight: PLATFORM_NAME, pageNumber: i + 1, pageCount: range.count });
  }
  return finish(doc);
}
