/**
 * Whether a result reads as French: it differs from the English one, and none of its prose words is
 * English. Names, values and quoted text (`tutor-web`, `8080->80/tcp`, `"hello"`, `` `ls` ``) are the
 * same in every language, so only plain words are looked at.
 */
import { expect } from "vitest";

/** Words of the English diagnoses that French never uses (French shares `image`, `service`, `volume`…). */
const englishWords = new Set(
  `an and answered are at attached before but by connects contain contains created does end ends
  exists exist expected failed from has had have in is it its leaves limited mount mounts named none
  nothing not of on or publishes resolve resolves runs should since so that the them there this to
  typo was were which with without container containers network folder file environment 
  health memory limit read write line event events lesson step answer server connection
  nothing listens closed time engine helper`.split(/\s+/),
);

/** The plain words of a message: quoted text, code, names with digits or punctuation and capitals left out. */
export function proseWords(message: string): string[] {
  const unquoted = message
    .replace(/`[^`]*`/g, " ")
    .replace(/"(?:[^"\\]|\\.)*"/g, " ")
    .replace(/«[^»]*»/g, " ");
  return (
    unquoted
      .split(/[\s,;:()]+/)
      .filter((token) => /^[\p{L}']+$/u.test(token))
      // Docker's own words in capitals (FROM, CMD, GET) are the same in every language.
      .filter((token) => token !== token.toUpperCase() || token.length === 1)
      .map((token) => token.toLowerCase())
  );
}

export function expectFrench(french: string, english: string, what: string): void {
  expect(french, `${what}: the same words in French as in English`).not.toBe(english);
  const left = proseWords(french).filter((word) => englishWords.has(word));
  expect(left, `${what}: English left in « ${french} »`).toEqual([]);
}
