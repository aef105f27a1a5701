/** The one face every clock shows: business hours and 24x7 alike. Instants are epoch ms. */
export interface Schedule {
  /** The instant at which `ms` of open time have elapsed since `from` (closing time when it ends a day). */
  add(from: number, ms: number): number;
  /** Open time between two instants (0 when `to` is not after `from`). */
  elapsed(from: number, to: number): number;
  isOpen(at: number): boolean;
  /** `at` itself when open, else the next opening. */
  nextOpening(at: number): number;
}

/** 24x7: one endless open interval. */
export const alwaysOpen: Schedule = Object.freeze({
  add: (from: number, ms: number) => from + ms,
  elapsed: (from: number, to: number) => Math.max(0, to - from),
  isOpen: () => true,
  nextOpening: (at: number) => at,
});
