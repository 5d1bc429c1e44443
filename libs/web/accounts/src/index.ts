export * from './lib/accounts.routes';
export { PasswordStrength } from './lib/ui/password-strength';
