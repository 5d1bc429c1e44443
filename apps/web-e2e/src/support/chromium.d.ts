/** Path of the Chromium executable the journeys drive; throws with an install hint when none is found. */
export function findChromium(): string;
