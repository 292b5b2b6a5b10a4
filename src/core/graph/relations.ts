/**
 * Every relation between entries, declared once as a symmetric pair.
 *
 * The first name of a pair is its canonical direction; the graph stores each edge that way and
 * derives the inverse view, so a reference written from either side yields the same edge and
 * backlinks never need to be written by hand.
 */

interface RelationPair {
  /** The relation as read from the entry that holds the reference. */
  readonly forward: string;
  /** The same relation read from the target (its backlink). */
  readonly inverse: string;
  /** Labels for the forward and inverse views on the site. */
  readonly labels: readonly [string, string];
}

function pair(forward: string, inverse: string, labels: [string, string]): RelationPair {
  return { forward, inverse, labels };
}

export const RELATION_PAIRS = [
  /** ownedBy: an entry names its accountable owner. Inverse of owns. */
  pair('ownedBy', 'owns', ['Owned by', 'Owns']),
  /** memberOf: a person belongs to a team. Inverse of hasMember. */
  pair('memberOf', 'hasMember', ['Member of', 'Members']),
  /** childOf: a team sits under a parent team. Inverse of parentOf. */
  pair('childOf', 'parentOf', ['Part of', 'Teams']),
  /** escalatesTo: where an owner's escalation goes next. Inverse of escalationFor. */
  pair('escalatesTo', 'escalationFor', ['Escalates to', 'Escalation for']),
  /** anchoredBy: the platform's trust anchor. Inverse of anchors. */
  pair('anchoredBy', 'anchors', ['Trust anchor', 'Trust anchor of']),
  /** governedBy: a policy governs a service. Inverse of governs. */
  pair('governedBy', 'governs', ['Governed by', 'Governs']),
  /** supersedes: a policy replaces an older one. Inverse of supersededBy. */
  pair('supersedes', 'supersededBy', ['Supersedes', 'Superseded by']),
  /** dependsOn: a service calls or needs another. Inverse of dependencyOf. */
  pair('dependsOn', 'dependencyOf', ['Depends on', 'Depended on by']),
  /** onCall: who answers a service's pages. Inverse of onCallFor. */
  pair('onCall', 'onCallFor', ['On call', 'On call for']),
  /** covers: a runbook documents a service. Inverse of coveredBy. */
  pair('covers', 'coveredBy', ['Covers', 'Runbooks']),
  /** implements: a runbook carries out a policy. Inverse of implementedBy. */
  pair('implements', 'implementedBy', ['Implements', 'Implemented by']),
  /** deploys: a deployment ships a service. Inverse of deployedBy. */
  pair('deploys', 'deployedBy', ['Deploys', 'Deployments']),
  /** approvedBy: the person who approved a deployment. Inverse of approved. */
  pair('approvedBy', 'approved', ['Approved by', 'Approved']),
  /** authorizedBy: the change policy a deployment went through. Inverse of authorizes. */
  pair('authorizedBy', 'authorizes', ['Change policy', 'Authorizes']),
  /** affects: an incident hit a service. Inverse of affectedBy. */
  pair('affects', 'affectedBy', ['Affects', 'Incidents']),
  /** commandedBy: the incident commander. Inverse of commanded. */
  pair('commandedBy', 'commanded', ['Commander', 'Commanded']),
  /** usedRunbook: a runbook used during an incident. Inverse of usedIn. */
  pair('usedRunbook', 'usedIn', ['Runbooks used', 'Used in']),
  /** causedBy: a deployment that caused an incident, the hand-off from execution to operations. Inverse of caused. */
  pair('causedBy', 'caused', ['Caused by', 'Incidents caused']),
  /** followedUpBy: a policy or runbook changed because of an incident or case study. Inverse of followUpOf. */
  pair('followedUpBy', 'followUpOf', ['Follow-ups', 'Follow-up of']),
  /** delivers: what a case study delivered. Inverse of deliveredBy. */
  pair('delivers', 'deliveredBy', ['Delivers', 'Case studies']),
  /** authoredBy: an article's author. Inverse of authored. */
  pair('authoredBy', 'authored', ['Author', 'Articles written']),
  /** explains: what an article explains. Inverse of explainedBy. */
  pair('explains', 'explainedBy', ['Explains', 'Explained by']),
  /** cites: a whitepaper chapter's related documents. Inverse of citedBy. */
  pair('cites', 'citedBy', ['Related documents', 'Cited by']),
] as const;

type Pairs = (typeof RELATION_PAIRS)[number];
/** A relation in its canonical direction. */
export type CanonicalRelation = Pairs['forward'];
/** Either view of a relation. */
export type RelationName = Pairs['forward'] | Pairs['inverse'];

interface RelationView {
  readonly canonical: CanonicalRelation;
  /** True when this name is the inverse (backlink) view of the pair. */
  readonly inverted: boolean;
  readonly opposite: RelationName;
  readonly label: string;
}

const views = new Map<string, RelationView>();
for (const { forward, inverse, labels } of RELATION_PAIRS) {
  views.set(forward, { canonical: forward, inverted: false, opposite: inverse, label: labels[0] });
  views.set(inverse, { canonical: forward, inverted: true, opposite: forward, label: labels[1] });
}

/** Every relation name, both views. */
export const RELATION_NAMES: readonly RelationName[] = RELATION_PAIRS.flatMap((pair) => [pair.forward, pair.inverse]);

/** Returns how a relation name maps onto its pair. */
export function relationView(name: RelationName): RelationView {
  const view = views.get(name);
  if (!view) throw new Error(`Unknown relation "${name}".`);
  return view;
}

/** Returns the name of the other side of a relation. */
export function inverseOf(name: RelationName): RelationName {
  return relationView(name).opposite;
}

/** Returns the label the site shows for a relation name. */
export function relationLabel(name: RelationName): string {
  return relationView(name).label;
}
