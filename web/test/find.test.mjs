// Finding a resource by part of its name, however the worker spells it (without diacritics, in any case).
import { test } from "node:test";
import assert from "node:assert/strict";
import { bundle } from "./bundle.mjs";

const { matches } = await bundle('export { matches } from "./find"');

const demo = [
  { id: "1", name: "Senioru biedrība \"Draudzība-K\"" },
  { id: "2", name: "Ķīmijas mikrorajona bibliotēka" },
  { id: "3", name: "Priekuļu bibliotēka" },
  { id: "4", name: "Bibliotēka \"Žubīte\"" },
];
const names = query => matches(demo, query).map(r => r.name);

test("a part of the name without accents finds it", () => {
  assert.deepEqual(names("draudz"), ["Senioru biedrība \"Draudzība-K\""]);
  assert.deepEqual(names("kimijas"), ["Ķīmijas mikrorajona bibliotēka"]);
  assert.deepEqual(names("ZUBITE"), ["Bibliotēka \"Žubīte\""]);
});

test("names starting with the query come first, then by name", () => {
  assert.deepEqual(names("biblio"), ["Bibliotēka \"Žubīte\"", "Ķīmijas mikrorajona bibliotēka", "Priekuļu bibliotēka"]);
});

test("nothing typed offers every resource; a name no resource holds offers none", () => {
  assert.equal(names("").length, 4);
  assert.deepEqual(names("sporta"), []);
});
