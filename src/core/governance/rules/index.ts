import type { Rule } from '../rule.ts';
import { caseStudyEvidence } from './case-study-evidence.ts';
import { danglingLink } from './dangling-link.ts';
import { danglingReference } from './dangling-reference.ts';
import { dependencyCycle } from './dependency-cycle.ts';
import { deploymentApproval } from './deployment-approval.ts';
import { deprecatedDependency } from './deprecated-dependency.ts';
import { duplicateId } from './duplicate-id.ts';
import { environmentName } from './environment-name.ts';
import { escalationRouteRule } from './escalation-route.ts';
import { futureDate } from './future-date.ts';
import { incidentPostmortem } from './incident-postmortem.ts';
import { openLoop } from './open-loop.ts';
import { ownerExists } from './owner-exists.ts';
import { placeholderText } from './placeholder-text.ts';
import { policyCheckInvalid } from './policy-check-invalid.ts';
import { policyReviewOverdue } from './policy-review-overdue.ts';
import { reservedId } from './reserved-id.ts';
import { roleKind } from './role-kind.ts';
import { runbookReviewOverdue } from './runbook-review-overdue.ts';
import { runbookSections } from './runbook-sections.ts';
import { scorecardLevel } from './scorecard-level.ts';
import { serviceBackups } from './service-backups.ts';
import { serviceGoverned } from './service-governed.ts';
import { serviceOperations } from './service-operations.ts';
import { serviceRunbook } from './service-runbook.ts';
import { teamCycle } from './team-cycle.ts';
import { teamEscalation } from './team-escalation.ts';

/**
 * Every governance rule, grouped by plane. Typed `Rule<any>` because each rule narrows its entry
 * type to its own collections, which a list of one element type cannot express. The checks
 * policies carry are compiled into rules of their own at each run (see run-rules.ts).
 */
export const RULES: readonly Rule<any>[] = [
  // References
  danglingReference,
  duplicateId,
  reservedId,
  // Identity
  ownerExists,
  teamCycle,
  teamEscalation,
  roleKind,
  escalationRouteRule,
  // Control
  policyReviewOverdue,
  serviceGoverned,
  futureDate,
  policyCheckInvalid,
  // Knowledge
  serviceRunbook,
  runbookReviewOverdue,
  runbookSections,
  placeholderText,
  danglingLink,
  // Execution
  dependencyCycle,
  deprecatedDependency,
  deploymentApproval,
  environmentName,
  scorecardLevel,
  // Operations
  serviceOperations,
  serviceBackups,
  incidentPostmortem,
  // Proof
  caseStudyEvidence,
  // Loop
  openLoop,
];
