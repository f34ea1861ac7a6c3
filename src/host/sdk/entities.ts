import { PUBLIC_STATE_ENTITIES, type PublicStateEntity } from '../../common/constants';

const NAMES = Object.values(PUBLIC_STATE_ENTITIES) as readonly string[];

export class UnknownEntityError extends Error {
  constructor(
    readonly entityName: unknown,
    readonly method: string,
  ) {
    super(`${method}: unknown entity ${JSON.stringify(entityName)}. ` + `Use one of constants.PUBLIC_STATE_ENTITIES: ${NAMES.join(', ')}.`);
    this.name = 'UnknownEntityError';
  }
}

export function isPublicEntity(name: unknown): name is PublicStateEntity {
  return typeof name === 'string' && NAMES.includes(name);
}

export function assertPublicEntity(name: unknown, method: string): asserts name is PublicStateEntity {
  if (!isPublicEntity(name)) throw new UnknownEntityError(name, method);
}
