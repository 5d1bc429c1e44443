import { IsoDate, parisDateOf } from '@foyer/shared/domain';

/**
 * The one source of "now" for domain rules (booking deadlines, billing periods, due dates).
 * Security timing (token expiry, throttling) deliberately keeps real time and does not use it.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date in Europe/Paris. */
  today(): IsoDate {
    return parisDateOf(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Starts at a chosen instant and runs on at real speed (FOYER_NOW, for demos and black-box tests). */
export class ShiftedClock extends Clock {
  private readonly offsetMs: number;

  constructor(start: Date, realNow: () => number = Date.now) {
    super();
    this.realNow = realNow;
    this.offsetMs = start.getTime() - realNow();
  }

  private readonly realNow: () => number;

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }
}

/** A clock tests set by hand. */
export class SettableClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
