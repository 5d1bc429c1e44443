export * from './city.module';
export * from './city.service';
export { cityEntities } from './entities';
export * from './seed/seed-city';
