export * from './city.module';
export * from './city.service';
export * from './seed/seed-city';
