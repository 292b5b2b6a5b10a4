import { defineRule } from '../rule.ts';

export const scorecardLevel = defineRule({
  id: 'scorecard-level',
  title: 'Service is below the level its tier expects',
  plane: 'execution',
  severity: 'warning',
  description:
    'A rated service (see `scorecard.lifecycles`) reaches the level `scorecard.expected` sets for its tier, e.g. `1: Gold`: no check of that level or below fails (checks that do not apply to it are not demanded). The finding names the checks that keep it lower.',
  collections: ['services'],
  stage: 'scorecard',
  applies: (entry, { scoreOf, governance }) => {
    if (governance.scorecard.expected[String(entry.data.tier) as keyof typeof governance.scorecard.expected] === undefined) return false;
    const score = scoreOf(entry.key);
    return score !== undefined && score.rated && score.expected !== undefined;
  },
  check(entry, { scoreOf, governance }) {
    const score = scoreOf(entry.key);
    if (!score?.expected) return [];
    const wanted = governance.scorecard.levels.findIndex((level) => level.name === score.expected);
    // Met when no check up to that level fails: a level none of whose checks applies cannot be
    // earned, and must not be demanded either.
    if (wanted < 0 || !score.levels.slice(0, wanted + 1).some((level) => level.status === 'fail')) return [];
    const blocking = score.levels
      .slice(0, wanted + 1)
      .flatMap((level) => level.checks.filter((check) => check.status === 'fail').map((check) => `${check.rule}${check.via ? ` (via ${check.via})` : ''}`));
    return [
      {
        path: ['tier'],
        message: `Tier ${entry.data.tier} service \`${entry.id}\` is at ${score.level ?? 'no level'}; tier ${entry.data.tier} services are expected to reach ${score.expected}.`,
        hint: `Fix what keeps it from ${score.expected}: ${blocking.join(', ')}. The service's page lists each check.`,
      },
    ];
  },
});
