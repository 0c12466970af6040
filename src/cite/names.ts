/**
 * A Chinese personal name as family name and given name, the two fields
 * reference managers keep for a person. Zotero's translators store a name
 * they cannot split in one field, the form they use for an organisation;
 * they split `姓, 名` at the comma, as Zotero's CNKI translator files Chinese
 * authors (family name first, given name after). The family name is the
 * first character, or the first two where they are a compound surname (复姓).
 */

/** The compound surnames still in use, and the classical ones of the 百家姓. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '夏侯',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '轩辕',
  '呼延',
  '澹台',
  '公羊',
  '赫连',
  '太史',
  '申屠',
  '钟离',
  '闻人',
  '万俟',
  '百里',
  '东郭',
  '拓跋',
  '第五',
]);

/** `{ family, given }` of a name of two to four Han characters; undefined for anything else. */
export function splitChineseName(name: string): { family: string; given: string } | undefined {
  const chars = [...name];
  if (chars.length < 2 || chars.length > 4 || !/^\p{Script=Han}+$/u.test(name)) return undefined;
  const familyLength = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return { family: chars.slice(0, familyLength).join(''), given: chars.slice(familyLength).join('') };
}

/** `姓, 名` for Highwire `citation_author` and RIS `AU`; a name that does not split stays as written. */
export function invertedName(name: string): string {
  const parts = splitChineseName(name);
  return parts ? `${parts.family}, ${parts.given}` : name;
}
