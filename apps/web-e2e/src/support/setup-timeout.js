// A journey starts a portal process and a browser.
jest.setTimeout(120000);
