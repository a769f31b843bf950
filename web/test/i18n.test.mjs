// The page's counted texts and formats in both languages, against sentences written by hand (not produced by the code):
// Latvian takes the singular at 1, 21, 61… and the plural's nominative at 0, 2–20, 100 ("0 saites", "11 saites").
import { test } from "node:test";
import assert from "node:assert/strict";
import { bundle } from "./bundle.mjs";

// One bundle, so that the details' sentences use the same language setting as the texts.
const i18n = await bundle('export * from "./i18n"; export { reasonsOf } from "./details"; export { countsOf, problemText } from "./importing";');

const counts = [0, 1, 2, 5, 11, 21, 100];

/** Renders a text for each count in a language: values(count) gives the text's values. */
function render(language, key, values) {
  i18n.useLanguage(language);
  return counts.map(count => i18n.t(key, values(count)));
}

const cases = [
  ["ties", n => ({ count: n }), {
    lv: ["0 saites", "1 saite", "2 saites", "5 saites", "11 saites", "21 saite", "100 saites"],
    en: ["0 ties", "1 tie", "2 ties", "5 ties", "11 ties", "21 ties", "100 ties"],
  }],
  ["loaded", n => ({ resources: n, ties: n }), {
    lv: ["0 resursi, 0 saites.", "1 resurss, 1 saite.", "2 resursi, 2 saites.", "5 resursi, 5 saites.", "11 resursi, 11 saites.",
      "21 resurss, 21 saite.", "100 resursi, 100 saites."],
    en: ["0 resources, 0 ties.", "1 resource, 1 tie.", "2 resources, 2 ties.", "5 resources, 5 ties.", "11 resources, 11 ties.",
      "21 resources, 21 ties.", "100 resources, 100 ties."],
  }],
  ["noPlace", n => ({ count: n }), {
    lv: ["0 resursiem nav vietas kartē.", "1 resursam nav vietas kartē.", "2 resursiem nav vietas kartē.", "5 resursiem nav vietas kartē.",
      "11 resursiem nav vietas kartē.", "21 resursam nav vietas kartē.", "100 resursiem nav vietas kartē."],
    en: ["0 resources have no place on the map.", "1 resource has no place on the map.", "2 resources have no place on the map.",
      "5 resources have no place on the map.", "11 resources have no place on the map.", "21 resources have no place on the map.",
      "100 resources have no place on the map."],
  }],
  ["reason.partners", n => ({ count: n }), {
    lv: ["0 kopīgi partneri.", "1 kopīgs partneris.", "2 kopīgi partneri.", "5 kopīgi partneri.", "11 kopīgi partneri.",
      "21 kopīgs partneris.", "100 kopīgi partneri."],
    en: ["0 partners in common.", "1 partner in common.", "2 partners in common.", "5 partners in common.", "11 partners in common.",
      "21 partners in common.", "100 partners in common."],
  }],
  ["metrics.degree", n => ({ count: n }), {
    lv: ["Tieši sadarbojas ar 0 dalībniekiem.", "Tieši sadarbojas ar 1 dalībnieku.", "Tieši sadarbojas ar 2 dalībniekiem.",
      "Tieši sadarbojas ar 5 dalībniekiem.", "Tieši sadarbojas ar 11 dalībniekiem.", "Tieši sadarbojas ar 21 dalībnieku.",
      "Tieši sadarbojas ar 100 dalībniekiem."],
    // English keeps the wording the end-to-end tests compare with ("Works directly with actors: 3.").
    en: ["Works directly with actors: 0.", "Works directly with actors: 1.", "Works directly with actors: 2.", "Works directly with actors: 5.",
      "Works directly with actors: 11.", "Works directly with actors: 21.", "Works directly with actors: 100."],
  }],
  ["report.groupJoined", n => ({ joined: n, still: n }), {
    lv: ["galvenajam tīklam pievienojās 0 dalībnieki, 0 joprojām nošķirti.", "galvenajam tīklam pievienojās 1 dalībnieks, 1 joprojām nošķirts.",
      "galvenajam tīklam pievienojās 2 dalībnieki, 2 joprojām nošķirti.", "galvenajam tīklam pievienojās 5 dalībnieki, 5 joprojām nošķirti.",
      "galvenajam tīklam pievienojās 11 dalībnieki, 11 joprojām nošķirti.", "galvenajam tīklam pievienojās 21 dalībnieks, 21 joprojām nošķirts.",
      "galvenajam tīklam pievienojās 100 dalībnieki, 100 joprojām nošķirti."],
    en: ["0 actors joined the main network, 0 still isolated.", "1 actor joined the main network, 1 still isolated.",
      "2 actors joined the main network, 2 still isolated.", "5 actors joined the main network, 5 still isolated.",
      "11 actors joined the main network, 11 still isolated.", "21 actors joined the main network, 21 still isolated.",
      "100 actors joined the main network, 100 still isolated."],
  }],
  ["path.summary", n => ({ hops: n, weakest: 2 }), {
    lv: ["0 soļi; vājākās saites stiprums: 2.", "1 solis; vājākās saites stiprums: 2.", "2 soļi; vājākās saites stiprums: 2.",
      "5 soļi; vājākās saites stiprums: 2.", "11 soļi; vājākās saites stiprums: 2.", "21 solis; vājākās saites stiprums: 2.",
      "100 soļi; vājākās saites stiprums: 2."],
    en: ["0 steps; weakest tie strength: 2.", "1 step; weakest tie strength: 2.", "2 steps; weakest tie strength: 2.", "5 steps; weakest tie strength: 2.",
      "11 steps; weakest tie strength: 2.", "21 steps; weakest tie strength: 2.", "100 steps; weakest tie strength: 2."],
  }],
  // The import's preview and result: each participle agrees with its own count, "resurss" masculine, "saite" feminine.
  ["import.willResources", n => ({ created: n, updated: n, unchanged: n }), {
    lv: ["Tiks izveidoti 0 resursi, atjaunināti 0, nemainīti 0.", "Tiks izveidots 1 resurss, atjaunināts 1, nemainīts 1.",
      "Tiks izveidoti 2 resursi, atjaunināti 2, nemainīti 2.", "Tiks izveidoti 5 resursi, atjaunināti 5, nemainīti 5.",
      "Tiks izveidoti 11 resursi, atjaunināti 11, nemainīti 11.", "Tiks izveidots 21 resurss, atjaunināts 21, nemainīts 21.",
      "Tiks izveidoti 100 resursi, atjaunināti 100, nemainīti 100."],
    en: ["0 resources will be created, 0 updated, 0 left unchanged.", "1 resource will be created, 1 updated, 1 left unchanged.",
      "2 resources will be created, 2 updated, 2 left unchanged.", "5 resources will be created, 5 updated, 5 left unchanged.",
      "11 resources will be created, 11 updated, 11 left unchanged.", "21 resources will be created, 21 updated, 21 left unchanged.",
      "100 resources will be created, 100 updated, 100 left unchanged."],
  }],
  ["import.willTies", n => ({ created: n, updated: n, unchanged: n }), {
    lv: ["Tiks izveidotas 0 saites, atjauninātas 0, nemainītas 0.", "Tiks izveidota 1 saite, atjaunināta 1, nemainīta 1.",
      "Tiks izveidotas 2 saites, atjauninātas 2, nemainītas 2.", "Tiks izveidotas 5 saites, atjauninātas 5, nemainītas 5.",
      "Tiks izveidotas 11 saites, atjauninātas 11, nemainītas 11.", "Tiks izveidota 21 saite, atjaunināta 21, nemainīta 21.",
      "Tiks izveidotas 100 saites, atjauninātas 100, nemainītas 100."],
    en: ["0 ties will be created, 0 updated, 0 left unchanged.", "1 tie will be created, 1 updated, 1 left unchanged.",
      "2 ties will be created, 2 updated, 2 left unchanged.", "5 ties will be created, 5 updated, 5 left unchanged.",
      "11 ties will be created, 11 updated, 11 left unchanged.", "21 ties will be created, 21 updated, 21 left unchanged.",
      "100 ties will be created, 100 updated, 100 left unchanged."],
  }],
  ["import.doneResources", n => ({ created: n, updated: n, unchanged: n }), {
    lv: ["izveidoti 0 resursi, atjaunināti 0, nemainīti 0", "izveidots 1 resurss, atjaunināts 1, nemainīts 1",
      "izveidoti 2 resursi, atjaunināti 2, nemainīti 2", "izveidoti 5 resursi, atjaunināti 5, nemainīti 5",
      "izveidoti 11 resursi, atjaunināti 11, nemainīti 11", "izveidots 21 resurss, atjaunināts 21, nemainīts 21",
      "izveidoti 100 resursi, atjaunināti 100, nemainīti 100"],
    en: ["0 resources created, 0 updated, 0 unchanged", "1 resource created, 1 updated, 1 unchanged", "2 resources created, 2 updated, 2 unchanged",
      "5 resources created, 5 updated, 5 unchanged", "11 resources created, 11 updated, 11 unchanged", "21 resources created, 21 updated, 21 unchanged",
      "100 resources created, 100 updated, 100 unchanged"],
  }],
  ["import.doneTies", n => ({ created: n, updated: n, unchanged: n }), {
    lv: ["izveidotas 0 saites, atjauninātas 0, nemainītas 0", "izveidota 1 saite, atjaunināta 1, nemainīta 1",
      "izveidotas 2 saites, atjauninātas 2, nemainītas 2", "izveidotas 5 saites, atjauninātas 5, nemainītas 5",
      "izveidotas 11 saites, atjauninātas 11, nemainītas 11", "izveidota 21 saite, atjaunināta 21, nemainīta 21",
      "izveidotas 100 saites, atjauninātas 100, nemainītas 100"],
    en: ["0 ties created, 0 updated, 0 unchanged", "1 tie created, 1 updated, 1 unchanged", "2 ties created, 2 updated, 2 unchanged",
      "5 ties created, 5 updated, 5 unchanged", "11 ties created, 11 updated, 11 unchanged", "21 ties created, 21 updated, 21 unchanged",
      "100 ties created, 100 updated, 100 unchanged"],
  }],
  ["import.rowsShown", n => ({ shown: 500, count: n }), {
    lv: ["0 rindām", "1 rindas", "2 rindām", "5 rindām", "11 rindām", "21 rindas", "100 rindām"]
      .map(rows => `Parādītas 500 no ${rows}: vispirms tās, kuras imports maina.`),
    en: ["0 rows", "1 row", "2 rows", "5 rows", "11 rows", "21 rows", "100 rows"]
      .map(rows => `Showing 500 of ${rows}: first those the import changes.`),
  }],
  ["import.problems", n => ({ count: n }), {
    lv: ["Atrastas 0 kļūdas.", "Atrasta 1 kļūda.", "Atrastas 2 kļūdas.", "Atrastas 5 kļūdas.", "Atrastas 11 kļūdas.", "Atrasta 21 kļūda.", "Atrastas 100 kļūdas."]
      .map(found => `${found} Izlabojiet failu un priekšskatiet vēlreiz; līdz tam nekas netiks importēts.`),
    en: ["0 problems found.", "1 problem found.", "2 problems found.", "5 problems found.", "11 problems found.", "21 problems found.", "100 problems found."]
      .map(found => `${found} Put the file right and preview again; until then nothing will be imported.`),
  }],
  ["import.undone", n => ({ count: n }), {
    lv: ["Imports atsaukts: atceltas 0 izmaiņas.", "Imports atsaukts: atcelta 1 izmaiņa.", "Imports atsaukts: atceltas 2 izmaiņas.",
      "Imports atsaukts: atceltas 5 izmaiņas.", "Imports atsaukts: atceltas 11 izmaiņas.", "Imports atsaukts: atcelta 21 izmaiņa.",
      "Imports atsaukts: atceltas 100 izmaiņas."],
    en: ["The import was undone: 0 changes taken back.", "The import was undone: 1 change taken back.", "The import was undone: 2 changes taken back.",
      "The import was undone: 5 changes taken back.", "The import was undone: 11 changes taken back.", "The import was undone: 21 changes taken back.",
      "The import was undone: 100 changes taken back."],
  }],
];

for (const [key, values, expected] of cases)
  for (const language of ["lv", "en"])
    test(`"${key}" agrees with its count in ${language}`, () => assert.deepEqual(render(language, key, values), expected[language]));

test("the other counted Latvian texts take the singular at 1 and 21 and the plural at 11", () => {
  i18n.useLanguage("lv");
  const at = (key, values) => [1, 11, 21].map(n => i18n.t(key, values(n)));
  assert.deepEqual(at("cutOff", n => ({ groups: n, actors: n })), [
    "Ja šī dalībnieka nebūtu, no tīkla atrautos 1 grupa ar 1 dalībnieku.",
    "Ja šī dalībnieka nebūtu, no tīkla atrautos 11 grupas ar 11 dalībniekiem.",
    "Ja šī dalībnieka nebūtu, no tīkla atrautos 21 grupa ar 21 dalībnieku.",
  ]);
  assert.deepEqual(at("reason.reaches", n => ({ count: n })), [
    "Pievienotu galvenajam tīklam 1 dalībnieku.", "Pievienotu galvenajam tīklam 11 dalībniekus.", "Pievienotu galvenajam tīklam 21 dalībnieku.",
  ]);
  assert.deepEqual(at("metrics.community", n => ({ count: n })), [
    "Pieder lokam, kurā ir vēl 1 dalībnieks.", "Pieder lokam, kurā ir vēl 11 dalībnieki.", "Pieder lokam, kurā ir vēl 21 dalībnieks.",
  ]);
  assert.deepEqual(at("report.groupStill", n => ({ count: n })), [
    "1 dalībnieks, joprojām ārpus galvenā tīkla.", "11 dalībnieki, joprojām ārpus galvenā tīkla.", "21 dalībnieks, joprojām ārpus galvenā tīkla.",
  ]);
  assert.deepEqual(at("plan.placeItem", n => ({ area: "Cēsis", people: n })), [
    "Cēsis: vēl 1 cilvēks sasniegtu resursu.", "Cēsis: vēl 11 cilvēki sasniegtu resursu.", "Cēsis: vēl 21 cilvēks sasniegtu resursu.",
  ]);
});

test("English says person and people", () => {
  i18n.useLanguage("en");
  assert.equal(i18n.t("underServedArea", { area: "Mežciems", people: 1, km: "3.2" }), "Mežciems: 1 person; nearest resource 3.2 km away.");
  assert.equal(i18n.t("underServedArea", { area: "Rīga", people: 140000, km: "81.2" }), "Rīga: 140,000 people; nearest resource 81.2 km away.");
});

test("numbers, distances and days are written as the language writes them", () => {
  i18n.useLanguage("lv");
  assert.equal(i18n.formatKm(3166.07), "3,2");
  assert.equal(i18n.formatKm(1000), "1,0");
  assert.equal(i18n.formatNumber(0.07084785, 3), "0,071");
  assert.equal(i18n.formatNumber(140000), "140\u00a0000");
  assert.equal(i18n.formatDate("2026-12-03"), "03.12.2026.");
  assert.equal(i18n.t("reason.distance", { km: i18n.formatKm(3166.07) }), "Attālums: 3,2 km.");
  assert.equal(i18n.t("underServedArea", { area: "Rīga", people: 140000, km: i18n.formatKm(81158) }), "Rīga: 140\u00a0000 cilvēki; tuvākais resurss 81,2 km attālumā.");
  i18n.useLanguage("en");
  assert.equal(i18n.formatKm(3166.07), "3.2");
  assert.equal(i18n.formatKm(1000), "1.0");
  assert.equal(i18n.formatNumber(0.07084785, 3), "0.071");
  assert.equal(i18n.formatNumber(140000), "140,000");
  assert.equal(i18n.formatDate("2026-12-03"), "2026-12-03");
});

test("a place name stands in the nominative", () => {
  i18n.useLanguage("lv");
  assert.equal(i18n.t("report.scope", { area: "Cēsis", from: "03.12.2025.", to: "03.12.2026." }), "Teritorija: Cēsis; laika posms: 03.12.2025.–03.12.2026.");
});

test("a suggestion's reasons name offers, needs and target groups in the page's language, free text as written", () => {
  const suggestion = {
    actorsNewlyReached: 1, commonNeighbours: 0, distanceKm: 5.66, sharedTargetGroups: ["seniors", "lonely neighbours"],
    needsMet: [{ need: "rehearsal space", offer: "venue" }, { need: "Rehearsal Space", offer: "ūdens aerobika" }],
  };
  i18n.useLanguage("lv");
  assert.deepEqual(i18n.reasonsOf(suggestion), [
    "Pievienotu galvenajam tīklam 1 dalībnieku.",
    "Vajadzība „mēģinājumu telpa” — piedāvājums „telpas”.",
    "Vajadzība „mēģinājumu telpa” — piedāvājums „ūdens aerobika”.",
    "Abi strādā ar: seniori, lonely neighbours.",
    "Attālums: 5,7 km.",
  ]);
  i18n.useLanguage("en");
  assert.deepEqual(i18n.reasonsOf(suggestion), [
    "Would bring 1 actor into the main network.",
    "Need “rehearsal space” — offer “venue”.",
    "Need “Rehearsal Space” — offer “ūdens aerobika”.",
    "Both serve: seniors, lonely neighbours.",
    "Distance: 5.7 km.",
  ]);
});

test("an import's counts differ within one sentence, each word agreeing with its own", () => {
  i18n.useLanguage("lv");
  // 31 ends in 1 (not 11): the singular, as at 1 and 21.
  assert.equal(i18n.t("import.willResources", { created: 10, updated: 2, unchanged: 31 }), "Tiks izveidoti 10 resursi, atjaunināti 2, nemainīts 31.");
  assert.equal(i18n.t("import.willResources", { created: 21, updated: 1, unchanged: 0 }), "Tiks izveidots 21 resurss, atjaunināts 1, nemainīti 0.");
  assert.equal(i18n.t("import.willTies", { created: 1, updated: 0, unchanged: 11 }), "Tiks izveidota 1 saite, atjauninātas 0, nemainītas 11.");
  assert.equal(i18n.t("import.done", { counts: "izveidoti 3 resursi, atjaunināti 0, nemainīti 0" }), "Importēts: izveidoti 3 resursi, atjaunināti 0, nemainīti 0.");
  i18n.useLanguage("en");
  assert.equal(i18n.t("import.willResources", { created: 10, updated: 2, unchanged: 31 }), "10 resources will be created, 2 updated, 31 left unchanged.");
  assert.equal(i18n.t("import.willTies", { created: 1, updated: 0, unchanged: 11 }), "1 tie will be created, 0 updated, 11 left unchanged.");
  assert.equal(i18n.t("import.done", { counts: "3 resources created, 0 updated, 0 unchanged" }), "Imported: 3 resources created, 0 updated, 0 unchanged.");
});

test("an import's rows are counted per kind of sheet, resources first, whatever the sheets' language", () => {
  const rows = [
    { sheet: "Saites", row: 2, action: "CREATED", name: "A — B" },
    { sheet: "Resursi", row: 2, action: "CREATED", name: "A" },
    { sheet: "Resursi", row: 3, action: "UNCHANGED", name: "B" },
    { sheet: "Resursi", row: 4, action: "UPDATED", name: "C" },
    { sheet: "Resursi", row: 5, action: "CREATED", name: "D" },
  ];
  assert.deepEqual(i18n.countsOf(rows), [["resources", { created: 2, updated: 1, unchanged: 1 }], ["ties", { created: 1, updated: 0, unchanged: 0 }]]);
  assert.deepEqual(i18n.countsOf([{ sheet: "Ties", row: 2, action: "UPDATED", name: "A — B" }]), [["ties", { created: 0, updated: 1, unchanged: 0 }]]);
  assert.deepEqual(i18n.countsOf([]), [["resources", { created: 0, updated: 0, unchanged: 0 }]]);
});

test("a problem says where it is in the page's language and what it is as the server wrote it", () => {
  const kind = { sheet: "Resursi", row: 4, column: "veids", message: "'kosmoss' is no kind." };
  i18n.useLanguage("lv");
  assert.equal(i18n.problemText(kind), "Lapa Resursi, 4. rinda, kolonna veids: 'kosmoss' is no kind.");
  assert.equal(i18n.problemText({ sheet: "Saites", row: 1234, column: null, message: "No such resource." }), "Lapa Saites, 1234. rinda: No such resource.");
  assert.equal(i18n.problemText({ sheet: null, row: null, column: null, message: "Give an .xlsx workbook." }), "Give an .xlsx workbook.");
  i18n.useLanguage("en");
  assert.equal(i18n.problemText({ ...kind, sheet: "Resources", column: "kind" }), "Sheet Resources, row 4, column kind: 'kosmoss' is no kind.");
  assert.equal(i18n.problemText({ sheet: "Resources", row: 1, column: "veids x", message: "Unknown column." }), "Sheet Resources, row 1, column veids x: Unknown column.");
});
