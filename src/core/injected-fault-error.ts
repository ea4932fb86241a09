/** A 500 the mock was asked to produce (`--error-rate`, `Prefer: code=500`): outside the contract, on purpose. */
export class InjectedFaultError extends Error {
  override readonly name = 'InjectedFaultError';
}
