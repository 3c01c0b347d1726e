import { deflateSync } from 'node:zlib';

/** A small but well-formed PDF (header, one page, xref, trailer, %%EOF). */
export function tinyPdf(text = 'Jiangxin test'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A well-formed PNG of the given size (grey pixels). */
export function tinyPng(width = 8, height = 8): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A multipart/form-data body with one file field named `file`. */
export function multipartFile(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----jx${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A complete 大兴 construction-project application (京兴人社发〔2025〕21号 第九条（二）; 2026 notice 附件1、附件2). */
export function daxingProjectForms(unitName = '北京兴业精密机械有限公司') {
  return {
    'work-plan': {
      unitName,
      submittedOn: '2026-06-20',
      projectName: '精密数控加工技艺传承与青年技工培养项目',
      category: '技艺传承推广',
      workObjects: ['技术工人', '培训资料'],
      outcomeName: '《五轴数控加工典型工艺案例集》及培养技能骨干 12 名',
      expectedGoals: '完成典型零件工艺案例 20 个，编写案例集一册；通过师带徒培养技师 4 名、高级工 8 名；单位关键工序一次合格率提升至 98%。',
      schedule: [
        { phase: '启动与调研', startMonth: '2026-07', endMonth: '2026-07', content: '梳理典型零件和工艺难点，确定带徒名单。' },
        { phase: '实施', startMonth: '2026-08', endMonth: '2026-09', content: '开展师带徒实训与工艺案例编写。' },
        { phase: '总结结项', startMonth: '2026-10', endMonth: '2026-10', content: '成果汇编、考核验收、提交结项报告。' },
      ],
      supervision: '单位设立项目专账，经费专款专用；人力资源部每月检查进度，财务部审核支出。',
      budget: [
        { purpose: '人才培训', detail: '实训耗材及刀具', amount: 20000 },
        { purpose: '技能人才交流推广', detail: '案例集编印', amount: 10000 },
        { purpose: '设备设施更新完善', detail: '刀具预调仪', amount: 15000 },
      ],
      requestedAmount: 45000,
    },
    'project-proposal': {
      projectName: '精密数控加工技艺传承与青年技工培养项目',
      necessity: '区内航空零部件企业急需五轴加工技能人才，本单位青年技工断档。',
      feasibility: '工作室拥有五轴加工中心 3 台、技师 5 名，具备实施条件。',
      budgetRationale: '经费按第十五条用于培训、交流推广和设备更新，标准参照市场价格。',
      benefits: '培养骨干 12 名，案例集向区内同行企业推广。',
      evaluation: '以案例数量、考核通过人数和合格率为考核指标，结项时逐项对照。',
      oversight: '项目进度和经费使用接受区人社局监督检查，材料存档备查。',
    },
    commitment: { scope: '工作室建设项目', unitName, legalRepresentative: '王建华', signedOn: '2026-06-20' },
  } as Record<string, Record<string, unknown>>;
}
