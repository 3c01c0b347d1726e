import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAuditChain } from './audit.service';

const VerifyResponse = z.object({
  ok: z.boolean().describe('审计链完整 / the chain verifies'),
  checked: z.number().describe('已校验事件数 / events checked'),
  lastHash: z.string().nullable().describe('最后一个事件的 SM3 哈希 / SM3 hash of the last event'),
  pending: z.number().describe('尚未封链的事件数（所属事务仍在进行） / events not sealed yet (their transactions still running)'),
  firstBroken: z
    .object({
      id: z.number().describe('第一个断裂的事件 / first broken event'),
      reason: z.enum(['hash-mismatch', 'link-mismatch']),
      expected: z.string(),
      actual: z.string(),
    })
    .optional(),
  message: z.string().describe('结论 / conclusion'),
});

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit/verify',
    {
      config: { access: ['inspector', 'admin'] },
      schema: { tags: ['audit'], summary: '校验审计链 / Verify the audit chain (SM3)', response: { 200: VerifyResponse } },
    },
    async () => {
      const result = await verifyAuditChain(app.deps.db);
      return { ...result, message: describeVerification(result) };
    },
  );
}

export function describeVerification(result: Awaited<ReturnType<typeof verifyAuditChain>>): string {
  if (result.ok) {
    const pending = result.pending ? `另有 ${result.pending} 个事件所属事务尚未结束，结束后即封入链中。` : '';
    return `审计链完整：已校验 ${result.checked} 个事件，未发现篡改。${pending}`;
  }
  const b = result.firstBroken!;
  return b.reason === 'hash-mismatch'
    ? `审计链断裂：事件 #${b.id} 的内容与其哈希不符（该事件被修改过）。`
    : `审计链断裂：事件 #${b.id} 记录的前一哈希与链上前一事件不符（前面的事件被删除或修改过）。`;
}
