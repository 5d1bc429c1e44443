export * from './lib/agent.routes';
