/** Mocked backend requests started and not yet answered (fed by the MSW worker's events). */
let inFlight = 0;

export function backendRequestStarted(): void {
  inFlight += 1;
}

export function backendRequestEnded(): void {
  inFlight = Math.max(0, inFlight - 1);
}

export function backendRequestsInFlight(): number {
  return inFlight;
}
