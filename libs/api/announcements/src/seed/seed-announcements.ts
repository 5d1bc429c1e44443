import { DataSource } from 'typeorm';
import { AnnouncementAudience, AnnouncementImportance, ClassLevel } from '@foyer/shared/contracts';
import { AnnouncementEntity } from '../entities/announcement.entity';

interface SeedAnnouncement {
  title: string;
  text: string;
  importance: AnnouncementImportance;
  audience: AnnouncementAudience;
  siteCode?: string;
  /** A bookings activity, by its seed code. */
  activityCode?: string;
  classLevel?: ClassLevel;
}

/** On line for the whole demo school year (real dates of today and FOYER_NOW=2027-01-14 alike). */
const PUBLISH_AT = new Date('2026-11-02T08:00:00+01:00');
const EXPIRE_AT = new Date('2027-07-04T20:00:00+02:00');

const SEEDS: SeedAnnouncement[] = [
  {
    title: 'Inscriptions aux vacances d’hiver',
    text:
      'Les inscriptions au centre de loisirs Les Îles pour les vacances d’hiver sont ouvertes jusqu’au 29 janvier.\n\n' +
      'Programme des activités : https://www.foyer-sur-marne.example/loisirs/hiver',
    importance: AnnouncementImportance.Important,
    audience: AnnouncementAudience.Everyone,
  },
  {
    title: 'Travaux au restaurant scolaire Jean Jaurès',
    text: 'Pendant les travaux de la cuisine, les repas de l’école Jean Jaurès sont livrés par la cuisine centrale. Les menus ne changent pas.',
    importance: AnnouncementImportance.Normal,
    audience: AnnouncementAudience.Site,
    siteCode: 'ecole-jean-jaures',
  },
  {
    title: 'Classe découverte des CE2',
    text: 'Une réunion d’information sur la classe découverte des CE2 aura lieu le mardi 26 janvier à 18 h en mairie.',
    importance: AnnouncementImportance.Normal,
    audience: AnnouncementAudience.ClassLevel,
    classLevel: ClassLevel.CE2,
  },
  {
    title: 'Mercredi : sortie à la ferme pédagogique',
    text: 'Les enfants inscrits au centre de loisirs le mercredi (journée) partent à la ferme pédagogique le 3 février. Prévoyez des bottes.',
    importance: AnnouncementImportance.Normal,
    audience: AnnouncementAudience.Activity,
    activityCode: 'mercredi-journee',
  },
];

/**
 * The demo city's news (counted as already sent): one announcement for everyone (important), one
 * for a school, one for a class level and one for an activity (Léa's Wednesdays), all reaching the
 * demo family. Keyed on the title: seeding twice
 * changes nothing.
 */
export async function seedAnnouncements(dataSource: DataSource): Promise<void> {
  const repo = dataSource.getRepository(AnnouncementEntity);
  const sites: { id: string; code: string }[] = await dataSource.query(`SELECT id, code FROM sites`);
  const activities: { id: string; code: string }[] = await dataSource.query(
    `SELECT id, code FROM activities`,
  );
  for (const seed of SEEDS) {
    if (await repo.existsBy({ title: seed.title })) continue;
    const siteId = seed.siteCode ? (sites.find((s) => s.code === seed.siteCode)?.id ?? null) : null;
    if (seed.siteCode && !siteId) continue;
    const activityId = seed.activityCode
      ? (activities.find((a) => a.code === seed.activityCode)?.id ?? null)
      : null;
    if (seed.activityCode && !activityId) continue;
    await repo.insert({
      title: seed.title,
      text: seed.text,
      importance: seed.importance,
      audience: seed.audience,
      siteId,
      activityId,
      classLevel: seed.classLevel ?? null,
      publishAt: PUBLISH_AT,
      expireAt: EXPIRE_AT,
      // Counted as sent: starting the demo does not write to every family's inbox or mail them.
      notifiedAt: PUBLISH_AT,
      createdBy: null,
    });
  }
}
