/**
 * The municipality running this portal. A placeholder until the city's settings come from the API:
 * change it here and every page follows.
 */
export const CITY_NAME = 'Ville de Foyer-sur-Marne';

/** Name of the service shown next to the city's name. */
export const PORTAL_NAME = 'Portail famille';
