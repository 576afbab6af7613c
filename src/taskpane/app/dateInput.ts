/** The day a date input holds (yyyy-mm-dd), as the engine takes days: UTC midnight of that day. */
export const dayOfInput = (s: string): Date => new Date(`${s}T00:00:00Z`);
