/**
 * The examples the authoring guide's page on policy checks shows, each as it is written in a
 * policy's `checks:`. Kept here, not in the page, so that a test compiles every one of them.
 */
export const POLICY_CHECK_EXAMPLES: readonly { readonly title: string; readonly yaml: string }[] = [
  {
    title: 'Tier-1 services have a secondary on-call',
    yaml: `  - name: secondary-on-call
    when: entry.tier == 1 && entry.lifecycle == 'production'
    expression: relations.onCall.exists(team, team.kind == 'team' && has(team.escalation) && has(team.escalation.next))
    message: A tier-1 service is paged to a team whose escalation names who is next.`,
  },
  {
    title: 'No production deployment on a Friday or at the weekend',
    yaml: `  - name: production-deploys-on-weekdays
    collections: [deployments]
    when: entry.environment == 'production'
    expression: entry.date.getDayOfWeek() >= 1 && entry.date.getDayOfWeek() <= 4
    message: Production changes ship Monday to Thursday (UTC).`,
  },
  {
    title: 'Services holding personal data name a retention policy',
    yaml: `  - name: retention-policy-named
    when: entry.operations.dataClassification in ['confidential', 'restricted']
    expression: relations.governedBy.exists(policy, policy.category == 'data' && policy.status == 'active')
    message: A service holding confidential or restricted data is governed by an active data policy.`,
  },
  {
    title: 'Restores are tested at least every 30 days for restricted data',
    yaml: `  - name: monthly-restore-test
    when: entry.operations.dataClassification == 'restricted'
    expression: >-
      has(entry.operations.backups) && has(entry.operations.backups.lastRestoreTest)
      && entry.operations.backups.lastRestoreTest > now - duration('720h')
    message: Restricted data is restored from backup at least every 30 days.`,
  },
  {
    title: 'Severe incidents follow a runbook',
    yaml: `  - name: severe-incidents-follow-a-runbook
    collections: [incidents]
    when: entry.severity in ['SEV1', 'SEV2']
    expression: relations.usedRunbook.exists(doc, doc.kind == 'runbook')
    message: A SEV1 or SEV2 response follows at least one runbook, and the incident names it.`,
  },
  {
    title: 'Runbooks are owned by a team and have a short ID',
    yaml: `  - name: runbook-owned-by-team
    collections: [runbooks]
    expression: relations.ownedBy.all(owner, owner.kind == 'team') && size(entry.id) <= 40
    message: A runbook is owned by a team, and its file name stays short enough to type.`,
  },
];
