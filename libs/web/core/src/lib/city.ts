/**
 * The municipality running this portal. A placeholder until the city's settings come from the API:
 * change it here and every page follows. Functions, not constants: the names are translated, and
 * web/core runs before the English translations load.
 */
export function cityName(): string {
  return $localize`:@@core.city.name:Ville de Foyer-sur-Marne`;
}

/** Name of the service shown next to the city's name. */
export function portalName(): string {
  return $localize`:@@core.city.portal:Portail famille`;
}

/** The city's name inside a sentence: « auprès de la ville de Foyer-sur-Marne ». */
export function cityNameInSentence(): string {
  return $localize`:@@core.city.nameInSentence:ville de Foyer-sur-Marne`;
}

/** The French names, for French-only texts (the accessibility statement); pages use the functions. */
export const CITY_NAME = 'Ville de Foyer-sur-Marne';
export const PORTAL_NAME = 'Portail famille';
export const CITY_NAME_IN_SENTENCE = 'ville de Foyer-sur-Marne';
