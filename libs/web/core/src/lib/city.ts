/**
 * The municipality running this portal. A placeholder until the city's settings come from the API:
 * change it here and every page follows.
 */
export const CITY_NAME = 'Ville de Foyer-sur-Marne';

/** Name of the service shown next to the city's name. */
export const PORTAL_NAME = 'Portail famille';

/** The city's name inside a sentence: « auprès de la ville de Foyer-sur-Marne ». */
export const CITY_NAME_IN_SENTENCE = CITY_NAME.charAt(0).toLowerCase() + CITY_NAME.slice(1);
