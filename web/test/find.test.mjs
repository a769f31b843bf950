// Finding a resource by part of its name, however the worker spells it (without diacritics, in any case).
import { test } from "node:test";
import assert from "node:assert/strict";
import { build } from "esbuild";

const { outputFiles } = await build({ entryPoints: [new URL("../src/find.ts", import.meta.url).pathname], bundle: true, format: "esm", write: false });
const { matches } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`);

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
