import type { Governance } from '../schemas/governance.ts';

/**
 * True when deployments to an environment are production deployments, as `productionEnvironments`
 * in content/governance.yaml says. Letter case is ignored: `Production` and `production` are one
 * environment to the people who type them.
 */
export function isProduction(environment: string, governance: Pick<Governance, 'productionEnvironments'>): boolean {
  const name = environment.trim().toLowerCase();
  return governance.productionEnvironments.some((production) => production.trim().toLowerCase() === name);
}
