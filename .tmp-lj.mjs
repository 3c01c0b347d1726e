import lj from 'lunar-javascript';
const { Lunar, Solar } = lj;
const out = [];
for (let y = 2004; y <= 2100; y++) {
  const cny = Lunar.fromYmd(y, 1, 1).getSolar().toYmd();
  const dw = Lunar.fromYmd(y, 5, 5).getSolar().toYmd();
  const ma = Lunar.fromYmd(y, 8, 15).getSolar().toYmd();
  const qm = Solar.fromYmd(y, 4, 20).getLunar().getJieQiTable()['清明'].toYmd();
  out.push(`${y} ${cny} ${dw} ${ma} ${qm}`);
}
console.log(out.slice(21, 24).join('\n'));
import { createHash } from 'node:crypto';
console.log(process.env.TZ, createHash('sha1').update(out.join()).digest('hex'));
