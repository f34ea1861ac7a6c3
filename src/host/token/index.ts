export * from './tokenSettings';
export { signToken, claimsFor, type TokenRequest } from './signToken';
export { verifyToken, audienceOf, TokenVerificationError, type VerifyOptions, type TokenProblem } from './verifyToken';
export { deterministicJti } from './deterministicJti';
