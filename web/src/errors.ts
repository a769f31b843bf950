import { GraphQLError } from "./api";
import { currentLanguage, formatDate, hasText, t } from "./i18n";

// The API words its refusals in English (its contract). The page says the ones its forms can meet in Latvian too:
// each pattern below is one of the server's messages (src/Api/…Rules.cs, Permissions.cs); others are shown as sent.
const latvian: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^'([\w.]+)' must not be (?:empty|null)\.$/, m => `Jāaizpilda laukam „${label(m[1])}”.`],
  [/^'([\w.]+)' is longer than (\d+) characters\.$/, m => `„${label(m[1])}” ir garāks par ${m[2]} zīmēm.`],
  [/^'([\w.]+)' contains control characters\.$/, m => `„${label(m[1])}” satur vadības rakstzīmes.`],
  [/^'strength' must be from 1 to 5, not (.+)\.$/, m => `Stiprumam jābūt no 1 līdz 5, nevis ${m[1]}.`],
  [/^'until' \((.+)\) must not be before 'since' \((.+)\)\.$/, m => `„Līdz” (${formatDate(m[1])}) nedrīkst būt pirms „Kopš” (${formatDate(m[2])}).`],
  [/^Give both 'latitude' and 'longitude', or neither\.$/, () => "Norādiet gan platumu, gan garumu, vai nevienu no tiem."],
  [/^\w+: latitude must be a finite number from -90 to 90, not (.+)\.$/, m => `Platumam jābūt skaitlim no -90 līdz 90, nevis ${m[1]}.`],
  [/^\w+: longitude must be a finite number from -180 to 180, not (.+)\.$/, m => `Garumam jābūt skaitlim no -180 līdz 180, nevis ${m[1]}.`],
  [/^A resource cannot be tied to itself\.$/, () => "Resursu nevar saistīt pašu ar sevi."],
  [/^(.+): in (.+), outside your municipalities \((.*)\)\.$/, m => `${m[1]}: teritorija ${m[2]} nav jūsu pašvaldībās (${m[3]}).`],
  [/^Sign in to .+$/, () => "Lai to darītu, jāpierakstās."],
  [/^Only a (\w+) or above may .+; you are signed in as a (\w+)\.$/, m => `To drīkst tikai loma „${role(m[1])}” vai augstāka; jūsu loma ir „${role(m[2])}”.`],
];

/** A refusal in the page's language. */
export function explain(error: GraphQLError): string {
  if (currentLanguage() === "en") return error.message;
  for (const [pattern, say] of latvian) {
    const match = error.message.match(pattern);
    if (match) return say(match);
  }
  return error.message;
}

/** The form's label for a field the server names ('name' → "Nosaukums"). */
function label(field: string): string {
  const key = `field.${field}`;
  return hasText(key) ? t(key) : field;
}

/** The server's role names (src/Api/Access/Caller.cs) as the page says them in Latvian. */
const roles: Record<string, string> = { anonymous: "nepierakstījies", viewer: "skatītājs", worker: "darbinieks", admin: "administrators" };
const role = (name: string): string => roles[name.toLowerCase()] ?? name;

/** The server's limits (README, "Errors"): each says the question is too large, whichever limit it met. */
const limits = ["QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX", "PAGE_SIZE_TOO_LARGE", "REQUEST_TOO_LARGE", "DOCUMENT_TOO_LARGE", "LIST_TOO_LONG", "FILTER_TOO_DEEP", "TOO_MANY_OPERATIONS"];
/** Codes that mean the page sent what the server does not understand: a page older or newer than the server. */
const pageFaults = ["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "PERSISTED_OPERATION_REQUIRED", "PERSISTED_OPERATION_NOT_FOUND", "INTROSPECTION_DISABLED"];

/**
 * Why a page could not load or a form was refused, as a sentence in the page's language chosen by the error's code
 * (extensions.code) and, where the page has one, the field it names (extensions.data.field): "error.CONFLICT.name".
 * Never the server's own text: that is written for developers, in English, and may name the query.
 */
export function failureText(error: unknown): string {
  const code = error instanceof GraphQLError ? error.code : undefined;
  const field = error instanceof GraphQLError ? error.field : undefined;
  if (code && limits.includes(code)) return t("error.limit");
  if (code && pageFaults.includes(code)) return t("error.page");
  for (const key of [`error.${code}.${field}`, `error.${code}`]) if (hasText(key)) return t(key);
  return t("error.unknown");
}
