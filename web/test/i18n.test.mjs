// The page's counted texts and formats in both languages, against sentences written by hand (not produced by the code):
// Latvian takes the singular at 1, 21, 61… and the plural's nominative at 0, 2–20, 100 ("0 saites", "11 saites").
import { test } from "node:test";
import assert from "node:assert/strict";
import { bundle } from "./bundle.mjs";

// One bundle, so that the details' sentences use the same language setting as the texts.
const i18n = await bundle('export * from "./i18n"; export { reasonsOf } from "./details";');

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
