// A failure reaches the page as a sentence chosen by its code, never as the server's own (English, technical) text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { bundle } from "./bundle.mjs";

const { failureText, GraphQLError, useLanguage } = await bundle(`
  export { failureText } from "./errors";
  export { GraphQLError } from "./api";
  export { useLanguage } from "./i18n";`);

test("a code becomes a sentence in the page's language", () => {
  useLanguage("lv");
  assert.equal(failureText(new GraphQLError("Too many requests", "RATE_LIMITED")),
    "Īsā laikā bija pārāk daudz pieprasījumu. Pagaidiet mirkli un mēģiniet vēlreiz.");
  assert.equal(failureText(new GraphQLError("Query is too complex: 12000 > 10000", "QUERY_TOO_COMPLEX")),
    "Pieprasījums serverim ir par lielu. Izvēlieties mazāku teritoriju vai īsāku laika posmu.");
  useLanguage("en");
  assert.equal(failureText(new GraphQLError("'xyz' is not a valid Area id.", "BAD_USER_INPUT")),
    "The server did not accept one of the values given (a day or an area). Check them and try again.");
  assert.equal(failureText(new GraphQLError("The server could not be reached.", "NETWORK")),
    "The server cannot be reached. Check the internet connection and try again.");
});

test("an unknown code, no code or a fault of the page's own says only that the data did not load", () => {
  useLanguage("en");
  for (const error of [new GraphQLError("Something new", "SOMETHING_NEW"), new GraphQLError("HTTP 502", undefined), new TypeError("x is undefined")])
    assert.equal(failureText(error), "The data could not be loaded. Try again later.");
});
