import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A UK mobile number in E.164 (`+447400123456`), from how people write it ("07400 123456",
 * "+44 (0)7400 123456"); null for anything else: landlines, 070 personal numbers, numbers that
 * are not allocated (including Ofcom's 07700 900xxx drama range) and other countries' numbers.
 * Crown Dependency mobiles (Guernsey, Jersey, Isle of Man) share +44 and are accepted.
 */
export function ukMobileE164(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'GB');
  if (!parsed || parsed.countryCallingCode !== '44' || !parsed.isValid()) return null;
  return parsed.getType() === 'MOBILE' ? parsed.number : null;
}
