import { closest, formatList } from '../../text/closest.ts';
import { environmentKind } from '../environments.ts';
import { defineRule } from '../rule.ts';

export const environmentName = defineRule({
  id: 'environment-name',
  title: 'Environment is not a known one',
  plane: 'execution',
  severity: 'warning',
  description:
    'Every environment a deployment (or the platform file) names is listed in content/governance.yaml, either in `productionEnvironments` or in `nonProductionEnvironments`; letter case is ignored. An unlisted name, such as `prod` for production, would otherwise be taken for a non-production environment and escape every rule about production.',
  collections: ['deployments', 'platform'],
  check(entry, { governance }) {
    const environment = entry.data.environment;
    if (environmentKind(environment, governance) !== 'unknown') return [];
    const known = [...governance.productionEnvironments, ...governance.nonProductionEnvironments];
    // `prod` for `production` is too short a typo for an edit distance; a prefix finds it.
    const guess = closest(environment, known) ?? known.find((name) => name.toLowerCase().startsWith(environment.trim().toLowerCase()));
    return [
      {
        path: ['environment'],
        message: `Environment \`${environment}\` is neither a production nor a non-production environment in content/governance.yaml.`,
        hint: `${guess ? `Did you mean \`${guess}\`? ` : ''}Use ${formatList(known.map((name) => `\`${name}\``))}, or add \`${environment}\` to \`productionEnvironments\` (its deployments then need an approver and a change policy) or to \`nonProductionEnvironments\`.`,
      },
    ];
  },
});
