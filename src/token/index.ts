export * from './tokenSettings';
export { signToken, claimsFor, type TokenRequest } from './signToken';
export { verifyToken, type VerifyOptions } from './verifyToken';
export { deterministicJti } from './deterministicJti';
