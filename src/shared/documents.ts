import { z } from 'zod';
import { ApplicationListQuery } from './applications';

/** A verification code printed on a dossier's cover (QR code → /verify/<code>). */
export const VERIFICATION_CODE = /^[A-Z2-9]{12}$/;

export const DossierVerification = z.object({
  applicationNumber: z.string().describe('申报编号 / application number'),
  unitName: z.string().describe('申报单位 / applicant unit'),
  callTitle: z.string().describe('申报批次 / call'),
  status: z.string().describe('当前状态代码 / current status'),
  statusName: z.string().describe('当前状态 / current status, in words'),
  submittedAt: z.string().nullable().describe('首次提交时间（北京时间） / first submitted (Asia/Shanghai)'),
  downloadedAt: z.string().describe('该打印件的下载时间（北京时间） / when this printout was downloaded (Asia/Shanghai)'),
});

/** A blank form a call offers to download and fill by hand (大兴 附件1 工作计划书, 附件2 承诺书 …). */
export const CallTemplateForm = z.object({
  id: z.string().describe('表单编号 / form id'),
  title: z.string().describe('表单名称 / form title'),
  annex: z.string().nullable().describe('文件中的附件编号，如“附件1” / annex number in the text'),
  citation: z.string().describe('依据（文号、条款） / document and article'),
  url: z.string().describe('空白模板 PDF 下载地址 / blank template PDF'),
});

/** Filters of the Excel export: the same as the application list (status, q). */
export const ApplicationExportQuery = ApplicationListQuery.pick({ status: true, q: true }).strict();

/** Column headers of the application export, in order. */
export const EXPORT_HEADERS = ['序号', '申报编号', '单位名称', '统一社会信用代码', '项目/工作室名称', '负责人', '状态', '提交时间', '补正轮次', '最后更新'] as const;
