import type { Governance } from '../schemas/governance.ts';

type EnvironmentSettings = Pick<Governance, 'productionEnvironments' | 'nonProductionEnvironments'>;

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * True when deployments to an environment are production deployments, as `productionEnvironments`
 * in content/governance.yaml says. Letter case is ignored: `Production` and `production` are one
 * environment to the people who type them. Every decision about production goes through here.
 */
export function isProduction(environment: string, governance: Pick<Governance, 'productionEnvironments'>): boolean {
  return governance.productionEnvironments.some((production) => sameName(production, environment));
}

/**
 * What governance.yaml says an environment is: `production`, `non-production`, or `unknown` when
 * it is in neither list (a typo such as `prod`, which would otherwise slip past every rule about
 * production). A name in both lists is production.
 */
export function environmentKind(environment: string, governance: EnvironmentSettings): 'production' | 'non-production' | 'unknown' {
  if (isProduction(environment, governance)) return 'production';
  return governance.nonProductionEnvironments.some((name) => sameName(name, environment)) ? 'non-production' : 'unknown';
}
