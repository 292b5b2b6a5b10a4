import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  type Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';

// The policies Backstage's catalog backend applies to every entity it ingests, in its order.
const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const KIND_VALIDATORS: Record<string, { check(data: unknown): Promise<boolean> }> = {
  System: systemEntityV1alpha1Validator,
  Group: groupEntityV1alpha1Validator,
  User: userEntityV1alpha1Validator,
  Component: componentEntityV1alpha1Validator,
};

/**
 * Validates one entity with Backstage's own code: the ingestion policies, then the JSON Schema
 * of its kind. Throws Backstage's message when Backstage would reject the entity.
 */
export async function validateWithBackstage(entity: unknown): Promise<void> {
  const enforced = await policy.enforce(entity as Entity);
  if (!enforced) throw new Error('No policy accepted the entity.');
  const validator = KIND_VALIDATORS[enforced.kind];
  if (!validator) throw new Error(`Kind ${enforced.kind} is not one the exporter writes.`);
  // A kind validator answers false when the kind or apiVersion is not its own, and throws on
  // anything else that is wrong.
  if (!(await validator.check(enforced))) throw new Error(`${enforced.kind} validator did not recognise the entity.`);
}
