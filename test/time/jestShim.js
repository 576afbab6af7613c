/* global globalThis */
// Preloaded by tzProbe's child process (plain Node, not Jest): the Office fakes call jest.mock to
// stand in for office-addin-manifest, which Jest cannot require; plain Node loads the real one.
globalThis.jest = { mock: () => undefined };
