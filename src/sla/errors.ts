import type { SlaErrorCode, SlaErrorInfo, SlaErrorParams } from './types.js';

/** Thrown while reading an input; `evaluate` turns it into `{ ok: false, error }`. */
export class SlaFailure extends Error {
  readonly code: SlaErrorCode;
  readonly params: SlaErrorParams;

  constructor(code: SlaErrorCode, params: SlaErrorParams = {}) {
    super(code);
    this.name = 'SlaFailure';
    this.code = code;
    this.params = params;
  }

  toInfo(): SlaErrorInfo {
    return { code: this.code, params: this.params };
  }
}
