/**
 * A `jti` that is unique per story, deal and call, yet the same on every run, so snapshots of a
 * rendered token stay stable. Formatted as a UUID (version 8, "custom") from SHA-256.
 */
export async function deterministicJti(...parts: Array<string | number>): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.map(String).join('\u0000')))).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
