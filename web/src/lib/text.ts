// Text cut to fit a line: on characters, not UTF-16 units, so an emoji is never split in half.

export function shorten(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}
