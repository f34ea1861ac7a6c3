// lodash-es ships lodash.default.js (the callable `_` with every method) without a declaration.
declare module 'lodash-es/lodash.default.js' {
  import type { LoDashStatic } from 'lodash';
  const lodash: LoDashStatic;
  export default lodash;
}
