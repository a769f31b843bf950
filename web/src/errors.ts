import { GraphQLError } from "./api";
import { currentLanguage, hasText, t } from "./i18n";

// The API words its refusals in the request's language (Accept-Language, which api.ts sends as the page's): English,
// Latvian or Russian. They name a field as the API does ('name', 'startsOn'); in Latvian and Russian the page puts its
// form's label there instead, in the language's quotation marks, so "Lauks 'name' nedrīkst būt tukšs." reads as the form
// says it. English refusals are shown as sent: they are the API's contract, and developers read them.
/** A refusal in the page's language. */
export function explain(error: GraphQLError): string {
  const language = currentLanguage();
  if (language === "en") return error.message;
  return error.message.replace(/'([\w.]+)'/g, (quoted, field: string) => {
    const key = `field.${field}`;
    if (!hasText(key)) return quoted;
    return language === "lv" ? `„${t(key)}”` : `«${t(key)}»`;
  });
}

/** The server's limits (README, "Errors"): each says the question is too large, whichever limit it met. */
const limits = ["QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX", "PAGE_SIZE_TOO_LARGE", "REQUEST_TOO_LARGE", "DOCUMENT_TOO_LARGE", "LIST_TOO_LONG", "FILTER_TOO_DEEP", "TOO_MANY_OPERATIONS"];
/** Codes that mean the page sent what the server does not understand: a page older or newer than the server. */
const pageFaults = ["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "PERSISTED_OPERATION_REQUIRED", "PERSISTED_OPERATION_NOT_FOUND", "INTROSPECTION_DISABLED"];

/**
 * Why a page could not load or a form was refused, as a sentence in the page's language chosen by the error's code
 * (extensions.code) and, where the page has one, the field it names (extensions.data.field): "error.CONFLICT.name".
 * Never the server's own text: that is written for developers and may name the query.
 */
export function failureText(error: unknown): string {
  const code = error instanceof GraphQLError ? error.code : undefined;
  const field = error instanceof GraphQLError ? error.field : undefined;
  if (code && limits.includes(code)) return t("error.limit");
  if (code && pageFaults.includes(code)) return t("error.page");
  for (const key of [`error.${code}.${field}`, `error.${code}`]) if (hasText(key)) return t(key);
  return t("error.unknown");
}
