import { D } from '../../diagnostics/catalogue.js';
import type { Bundle } from '../../model/types.js';
import type { Rule } from '../rule.js';

const BUSINESS_STAGES = new Set(['准入准营', '招聘用工', '纳税缴费', '经营发展', '工程建设', '注销退出']);

/** Valid: a bundle's life-cycle stage belongs to its audience's life cycle (国办发〔2025〕24号). */
export const bundleStageAudience: Rule<Bundle> = {
  name: 'bundle-stage-audience',
  kind: 'Bundle',
  reads: ['stage', 'audience'],
  codes: [D.stageAudienceMismatch],
  check(b, ctx) {
    if (!b.stage || !b.audience) return;
    const stageAudience = BUSINESS_STAGES.has(b.stage) ? '经营主体' : '个人';
    if (stageAudience !== b.audience) {
      ctx.report(D.stageAudienceMismatch, '/stage', { stage: b.stage, stageAudience, audience: b.audience });
    }
  },
};
