import type { Rule } from './rule.js';
import { bundleDurations } from './rules/bundle-durations.js';
import { bundleStageAudience } from './rules/bundle-stage-audience.js';
import { contactNumbers } from './rules/contact-numbers.js';
import { departmentUscc } from './rules/department-uscc.js';
import { feeDisclosure } from './rules/fee-disclosure.js';
import { fullyOnlineVisits } from './rules/fully-online-visits.js';
import { instantCaseType } from './rules/instant-case-type.js';
import { licenseFaq } from './rules/license-faq.js';
import { licenseSteps } from './rules/license-steps.js';
import { mailApplication } from './rules/mail-application.js';
import { matterCodes } from './rules/matter-codes.js';
import { noCatchAllCondition } from './rules/no-catch-all-condition.js';
import { noRepealedBasis } from './rules/no-repealed-basis.js';
import { promisedWithinStatutory } from './rules/promised-within-statutory.js';
import { resultType } from './rules/result-type.js';
import { validDurations } from './rules/valid-durations.js';
import { visitReason } from './rules/visit-reason.js';

/** Every check from practice, in the order they run. */
// Rules are typed by their own kind; the runner dispatches on it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SPECIFIED_RULES: readonly Rule<any>[] = [
  validDurations,
  bundleDurations,
  instantCaseType,
  promisedWithinStatutory,
  fullyOnlineVisits,
  visitReason,
  mailApplication,
  feeDisclosure,
  noCatchAllCondition,
  licenseSteps,
  licenseFaq,
  resultType,
  contactNumbers,
  matterCodes,
  departmentUscc,
  noRepealedBasis,
  bundleStageAudience,
];
