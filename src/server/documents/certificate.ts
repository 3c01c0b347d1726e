import QRCode from 'qrcode';
import { createDoc, finish, FONT, FONT_BOLD, type Doc } from './pdf';

/**
 * The printable certificate (证书) of a recognised studio: A4 landscape, Noto Sans SC embedded, with the studio's
 * name in the edition's format, its unit and leader, the title level, the decision document and date, the plaque
 * number and a verification link (the studio's public registry page) as text and QR code.
 * (京兴人社发〔2025〕21号 第十一条: 授予“大兴区技能大师工作室”称号和铭牌.)
 */
export interface CertificateInput {
  studioName: string;
  unitName: string;
  leaderName: string;
  occupation: string;
  /** e.g. 大兴区技能大师工作室 / 北京市技能大师工作室. */
  titleText: string;
  /** The issuing office, e.g. 大兴区人力资源和社会保障局. */
  issuer: string;
  /** The decision's document number. */
  document: string;
  /** The policy the recognition rests on, e.g. 京兴人社发〔2025〕21号 第十一条. */
  basis: string;
  /** YYYY-MM-DD. */
  date: string;
  plaqueNumber: string | null;
  verificationUrl: string;
}

const LANDSCAPE = { width: 841.89, height: 595.28 };
const RED = '#9b1c1c';
const GOLD = '#b08d3c';

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + 4);
  doc.save().rect(x, y, size, size).fill('white').fillColor('black');
  for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) doc.rect(x + (2 + c) * cell, y + (2 + r) * cell, cell + 0.01, cell + 0.01);
  doc.fill('black').restore();
}

export async function buildCertificate(input: CertificateInput): Promise<Buffer> {
  const doc = await createDoc({ title: `${input.studioName} 证书`, subject: input.titleText });
  doc.addPage({ size: 'A4', layout: 'landscape', margins: { top: 48, bottom: 40, left: 56, right: 56 } });
  const { width, height } = LANDSCAPE;

  // Double border.
  doc.save().lineWidth(6).strokeColor(RED).rect(22, 22, width - 44, height - 44).stroke();
  doc.lineWidth(1.2).strokeColor(GOLD).rect(34, 34, width - 68, height - 68).stroke().restore();

  const inner = width - 160;
  doc.font(FONT_BOLD).fontSize(40).fillColor(RED).text('证　书', 80, 70, { width: inner, align: 'center', characterSpacing: 6 });
  doc.font(FONT).fontSize(13).fillColor('#444444').text(`铭牌编号：${input.plaqueNumber ?? '—'}`, 80, 132, { width: inner, align: 'center' });

  doc.font(FONT).fontSize(16).fillColor('black').text(`${input.unitName}：`, 100, 178, { width: inner - 40 });
  doc
    .font(FONT)
    .fontSize(16)
    .text(`经评审、公示，你单位 ${input.leaderName}（${input.occupation}）领办的工作室被认定为“${input.titleText}”。特发此证。`, 130, 214, {
      width: inner - 70,
      lineGap: 8,
    });

  doc.font(FONT_BOLD).fontSize(26).fillColor(RED).text(input.studioName, 80, 300, { width: inner, align: 'center' });

  doc.font(FONT).fontSize(11).fillColor('#333333');
  doc.text(`认定文号：${input.document}`, 100, 380, { width: 340 });
  doc.text(`认定依据：${input.basis}`, 100, 400, { width: 340 });
  doc.fontSize(9).text(`核验：${input.verificationUrl}`, 100, 420, { width: 340 });

  doc.font(FONT_BOLD).fontSize(16).fillColor('black').text(input.issuer, width - 380, 400, { width: 260, align: 'center' });
  doc.font(FONT).fontSize(15).text(chineseDate(input.date), width - 380, 428, { width: 260, align: 'center' });

  drawQr(doc, input.verificationUrl, 100, 462, 70);
  doc.font(FONT).fontSize(8).fillColor('#666666').text('扫码或打开链接，在“技能大师工作室名录”中核验本证书', 180, 500, { width: 300 });
  return finish(doc);
}
