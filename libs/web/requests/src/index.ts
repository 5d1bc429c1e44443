export * from './lib/requests.routes';
