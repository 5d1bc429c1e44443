// Tests never reach the internet and never depend on the machine's time zone or locale.
process.env.NODE_ENV = 'test';
process.env.TZ = process.env.TZ || 'UTC';
