// The pages' counted texts and formats in their three languages, against sentences written by hand (not produced by
// the code). Latvian takes the singular at 1, 21, 101… and the plural's nominative at 0, 2–20, 22, 100 ("0 saites",
// "11 saites"); Russian has three forms for whole numbers: 1, 21, 101 ("связь"), 2–4, 22–24 ("связи"), 0, 5–20, 25–30,
// 100 ("связей"); English two. And every text is there in every language, with the Latvian one's values and the forms
// its language needs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { bundle } from "./bundle.mjs";

// One bundle, so that the details' sentences use the same language setting as the texts.
const i18n = await bundle('export * from "./i18n"; export { reasonsOf } from "./details"; export { countsOf, problemText } from "./importing";');

const counts = [0, 1, 2, 5, 11, 21, 22, 25, 100, 101];

/** Renders a text for each count in a language: values(count) gives the text's values. */
function render(language, key, values) {
  i18n.useLanguage(language);
  return counts.map(count => i18n.t(key, values(count)));
}

// Expected sentences for the counts above, in their order: 0, 1, 2, 5, 11, 21, 22, 25, 100, 101.
const cases = [
  ["ties", n => ({ count: n }), {
    lv: ["0 saites", "1 saite", "2 saites", "5 saites", "11 saites", "21 saite", "22 saites", "25 saites", "100 saites", "101 saite"],
    ru: ["0 связей", "1 связь", "2 связи", "5 связей", "11 связей", "21 связь", "22 связи", "25 связей", "100 связей", "101 связь"],
    en: ["0 ties", "1 tie", "2 ties", "5 ties", "11 ties", "21 ties", "22 ties", "25 ties", "100 ties", "101 ties"],
  }],
  ["loaded", n => ({ resources: n, ties: n }), {
    lv: ["0 resursi, 0 saites.", "1 resurss, 1 saite.", "2 resursi, 2 saites.", "5 resursi, 5 saites.", "11 resursi, 11 saites.",
      "21 resurss, 21 saite.", "22 resursi, 22 saites.", "25 resursi, 25 saites.", "100 resursi, 100 saites.", "101 resurss, 101 saite."],
    ru: ["0 ресурсов, 0 связей.", "1 ресурс, 1 связь.", "2 ресурса, 2 связи.", "5 ресурсов, 5 связей.", "11 ресурсов, 11 связей.",
      "21 ресурс, 21 связь.", "22 ресурса, 22 связи.", "25 ресурсов, 25 связей.", "100 ресурсов, 100 связей.", "101 ресурс, 101 связь."],
    en: ["0 resources, 0 ties.", "1 resource, 1 tie.", "2 resources, 2 ties.", "5 resources, 5 ties.", "11 resources, 11 ties.",
      "21 resources, 21 ties.", "22 resources, 22 ties.", "25 resources, 25 ties.", "100 resources, 100 ties.", "101 resources, 101 ties."],
  }],
  ["noPlace", n => ({ count: n }), {
    lv: ["0 resursiem", "1 resursam", "2 resursiem", "5 resursiem", "11 resursiem", "21 resursam", "22 resursiem", "25 resursiem", "100 resursiem", "101 resursam"]
      .map(resources => `${resources} nav vietas kartē.`),
    ru: ["0 ресурсов", "1 ресурс", "2 ресурса", "5 ресурсов", "11 ресурсов", "21 ресурс", "22 ресурса", "25 ресурсов", "100 ресурсов", "101 ресурс"]
      .map(resources => `${resources} без места на карте.`),
    en: ["0 resources have", "1 resource has", "2 resources have", "5 resources have", "11 resources have", "21 resources have",
      "22 resources have", "25 resources have", "100 resources have", "101 resources have"].map(resources => `${resources} no place on the map.`),
  }],
  ["reason.partners", n => ({ count: n }), {
    lv: ["0 kopīgi partneri.", "1 kopīgs partneris.", "2 kopīgi partneri.", "5 kopīgi partneri.", "11 kopīgi partneri.",
      "21 kopīgs partneris.", "22 kopīgi partneri.", "25 kopīgi partneri.", "100 kopīgi partneri.", "101 kopīgs partneris."],
    ru: ["0 общих партнёров.", "1 общий партнёр.", "2 общих партнёра.", "5 общих партнёров.", "11 общих партнёров.",
      "21 общий партнёр.", "22 общих партнёра.", "25 общих партнёров.", "100 общих партнёров.", "101 общий партнёр."],
    en: ["0 partners in common.", "1 partner in common.", "2 partners in common.", "5 partners in common.", "11 partners in common.",
      "21 partners in common.", "22 partners in common.", "25 partners in common.", "100 partners in common.", "101 partners in common."],
  }],
  ["metrics.degree", n => ({ count: n }), {
    lv: ["0 dalībniekiem", "1 dalībnieku", "2 dalībniekiem", "5 dalībniekiem", "11 dalībniekiem", "21 dalībnieku", "22 dalībniekiem",
      "25 dalībniekiem", "100 dalībniekiem", "101 dalībnieku"].map(actors => `Tieši sadarbojas ar ${actors}.`),
    // Russian: the instrumental after "с", singular at 1, 21, 101.
    ru: ["0 участниками", "1 участником", "2 участниками", "5 участниками", "11 участниками", "21 участником", "22 участниками",
      "25 участниками", "100 участниками", "101 участником"].map(actors => `Напрямую сотрудничает с ${actors}.`),
    // English keeps the wording the end-to-end tests compare with ("Works directly with actors: 3.").
    en: ["0", "1", "2", "5", "11", "21", "22", "25", "100", "101"].map(n => `Works directly with actors: ${n}.`),
  }],
  ["report.groupJoined", n => ({ joined: n, still: n }), {
    lv: ["0 dalībnieki, 0 joprojām nošķirti", "1 dalībnieks, 1 joprojām nošķirts", "2 dalībnieki, 2 joprojām nošķirti",
      "5 dalībnieki, 5 joprojām nošķirti", "11 dalībnieki, 11 joprojām nošķirti", "21 dalībnieks, 21 joprojām nošķirts",
      "22 dalībnieki, 22 joprojām nošķirti", "25 dalībnieki, 25 joprojām nošķirti", "100 dalībnieki, 100 joprojām nošķirti",
      "101 dalībnieks, 101 joprojām nošķirts"].map(joined => `galvenajam tīklam pievienojās ${joined}.`),
    // Russian: the verb and the participle agree with their own counts too.
    ru: ["присоединились 0 участников, 0 по-прежнему обособлены", "присоединился 1 участник, 1 по-прежнему обособлен",
      "присоединились 2 участника, 2 по-прежнему обособлены", "присоединились 5 участников, 5 по-прежнему обособлены",
      "присоединились 11 участников, 11 по-прежнему обособлены", "присоединился 21 участник, 21 по-прежнему обособлен",
      "присоединились 22 участника, 22 по-прежнему обособлены", "присоединились 25 участников, 25 по-прежнему обособлены",
      "присоединились 100 участников, 100 по-прежнему обособлены", "присоединился 101 участник, 101 по-прежнему обособлен"]
      .map(joined => `к основной сети ${joined}.`),
    en: ["0 actors", "1 actor", "2 actors", "5 actors", "11 actors", "21 actors", "22 actors", "25 actors", "100 actors", "101 actors"]
      .map(actors => `${actors} joined the main network, ${actors.split(" ")[0]} still isolated.`),
  }],
  ["path.summary", n => ({ hops: n, weakest: 2 }), {
    lv: ["0 soļi", "1 solis", "2 soļi", "5 soļi", "11 soļi", "21 solis", "22 soļi", "25 soļi", "100 soļi", "101 solis"]
      .map(hops => `${hops}; vājākās saites stiprums: 2.`),
    ru: ["0 шагов", "1 шаг", "2 шага", "5 шагов", "11 шагов", "21 шаг", "22 шага", "25 шагов", "100 шагов", "101 шаг"]
      .map(hops => `${hops}; сила самой слабой связи: 2.`),
    en: ["0 steps", "1 step", "2 steps", "5 steps", "11 steps", "21 steps", "22 steps", "25 steps", "100 steps", "101 steps"]
      .map(hops => `${hops}; weakest tie strength: 2.`),
  }],
  // The import's preview and result: each participle agrees with its own count; "resurss"/"ресурс" masculine,
  // "saite"/"связь" feminine; Russian's neuter singular after 5–20 and 0 ("создано 5 ресурсов").
  ["import.willResources", n => ({ created: n, updated: n, unchanged: n }), {
    lv: ["Tiks izveidoti 0 resursi, atjaunināti 0, nemainīti 0.", "Tiks izveidots 1 resurss, atjaunināts 1, nemainīts 1.",
      "Tiks izveidoti 2 resursi, atjaunināti 2, nemainīti 2.", "Tiks izveidoti 5 resursi, atjaunināti 5, nemainīti 5.",
      "Tiks izveidoti 11 resursi, atjaunināti 11, nemainīti 11.", "Tiks izveidots 21 resurss, atjaunināts 21, nemainīts 21.",
      "Tiks izveidoti 22 resursi, atjaunināti 22, nemainīti 22.", "Tiks izveidoti 25 resursi, atjaunināti 25, nemainīti 25.",
      "Tiks izveidoti 100 resursi, atjaunināti 100, nemainīti 100.", "Tiks izveidots 101 resurss, atjaunināts 101, nemainīts 101."],
    ru: ["Будет создано 0 ресурсов, обновлено 0, не изменено 0.", "Будет создан 1 ресурс, обновлён 1, не изменён 1.",
      "Будут созданы 2 ресурса, обновлены 2, не изменены 2.", "Будет создано 5 ресурсов, обновлено 5, не изменено 5.",
      "Будет создано 11 ресурсов, обновлено 11, не изменено 11.", "Будет создан 21 ресурс, обновлён 21, не изменён 21.",
      "Будут созданы 22 ресурса, обновлены 22, не изменены 22.", "Будет создано 25 ресурсов, обновлено 25, не изменено 25.",
      "Будет создано 100 ресурсов, обновлено 100, не изменено 100.", "Будет создан 101 ресурс, обновлён 101, не изменён 101."],
    en: ["0 resources", "1 resource", "2 resources", "5 resources", "11 resources", "21 resources", "22 resources", "25 resources",
      "100 resources", "101 resources"].map(r => { const n = r.split(" ")[0]; return `${r} will be created, ${n} updated, ${n} left unchanged.`; }),
  }],
  ["import.willTies", n => ({ created: n, updated: n, unchanged: n }), {
    lv: ["Tiks izveidotas 0 saites, atjauninātas 0, nemainītas 0.", "Tiks izveidota 1 saite, atjaunināta 1, nemainīta 1.",
      "Tiks izveidotas 2 saites, atjauninātas 2, nemainītas 2.", "Tiks izveidotas 5 saites, atjauninātas 5, nemainītas 5.",
      "Tiks izveidotas 11 saites, atjauninātas 11, nemainītas 11.", "Tiks izveidota 21 saite, atjaunināta 21, nemainīta 21.",
      "Tiks izveidotas 22 saites, atjauninātas 22, nemainītas 22.", "Tiks izveidotas 25 saites, atjauninātas 25, nemainītas 25.",
      "Tiks izveidotas 100 saites, atjauninātas 100, nemainītas 100.", "Tiks izveidota 101 saite, atjaunināta 101, nemainīta 101."],
    ru: ["Будет создано 0 связей, обновлено 0, не изменено 0.", "Будет создана 1 связь, обновлена 1, не изменена 1.",
      "Будут созданы 2 связи, обновлены 2, не изменены 2.", "Будет создано 5 связей, обновлено 5, не изменено 5.",
      "Будет создано 11 связей, обновлено 11, не изменено 11.", "Будет создана 21 связь, обновлена 21, не изменена 21.",
      "Будут созданы 22 связи, обновлены 22, не изменены 22.", "Будет создано 25 связей, обновлено 25, не изменено 25.",
      "Будет создано 100 связей, обновлено 100, не изменено 100.", "Будет создана 101 связь, обновлена 101, не изменена 101."],
    en: ["0 ties", "1 tie", "2 ties", "5 ties", "11 ties", "21 ties", "22 ties", "25 ties", "100 ties", "101 ties"]
      .map(r => { const n = r.split(" ")[0]; return `${r} will be created, ${n} updated, ${n} left unchanged.`; }),
  }],
  ["import.doneResources", n => ({ created: n, updated: n, unchanged: n }), {
    lv: ["izveidoti 0 resursi, atjaunināti 0, nemainīti 0", "izveidots 1 resurss, atjaunināts 1, nemainīts 1",
      "izveidoti 2 resursi, atjaunināti 2, nemainīti 2", "izveidoti 5 resursi, atjaunināti 5, nemainīti 5",
      "izveidoti 11 resursi, atjaunināti 11, nemainīti 11", "izveidots 21 resurss, atjaunināts 21, nemainīts 21",
      "izveidoti 22 resursi, atjaunināti 22, nemainīti 22", "izveidoti 25 resursi, atjaunināti 25, nemainīti 25",
      "izveidoti 100 resursi, atjaunināti 100, nemainīti 100", "izveidots 101 resurss, atjaunināts 101, nemainīts 101"],
    ru: ["создано 0 ресурсов, обновлено 0, не изменено 0", "создан 1 ресурс, обновлён 1, не изменён 1",
      "созданы 2 ресурса, обновлены 2, не изменены 2", "создано 5 ресурсов, обновлено 5, не изменено 5",
      "создано 11 ресурсов, обновлено 11, не изменено 11", "создан 21 ресурс, обновлён 21, не изменён 21",
      "созданы 22 ресурса, обновлены 22, не изменены 22", "создано 25 ресурсов, обновлено 25, не изменено 25",
      "создано 100 ресурсов, обновлено 100, не изменено 100", "создан 101 ресурс, обновлён 101, не изменён 101"],
    en: ["0 resources created, 0 updated, 0 unchanged", "1 resource created, 1 updated, 1 unchanged", "2 resources created, 2 updated, 2 unchanged",
      "5 resources created, 5 updated, 5 unchanged", "11 resources created, 11 updated, 11 unchanged", "21 resources created, 21 updated, 21 unchanged",
      "22 resources created, 22 updated, 22 unchanged", "25 resources created, 25 updated, 25 unchanged",
      "100 resources created, 100 updated, 100 unchanged", "101 resources created, 101 updated, 101 unchanged"],
  }],
  ["import.doneTies", n => ({ created: n, updated: n, unchanged: n }), {
    lv: ["izveidotas 0 saites, atjauninātas 0, nemainītas 0", "izveidota 1 saite, atjaunināta 1, nemainīta 1",
      "izveidotas 2 saites, atjauninātas 2, nemainītas 2", "izveidotas 5 saites, atjauninātas 5, nemainītas 5",
      "izveidotas 11 saites, atjauninātas 11, nemainītas 11", "izveidota 21 saite, atjaunināta 21, nemainīta 21",
      "izveidotas 22 saites, atjauninātas 22, nemainītas 22", "izveidotas 25 saites, atjauninātas 25, nemainītas 25",
      "izveidotas 100 saites, atjauninātas 100, nemainītas 100", "izveidota 101 saite, atjaunināta 101, nemainīta 101"],
    ru: ["создано 0 связей, обновлено 0, не изменено 0", "создана 1 связь, обновлена 1, не изменена 1",
      "созданы 2 связи, обновлены 2, не изменены 2", "создано 5 связей, обновлено 5, не изменено 5",
      "создано 11 связей, обновлено 11, не изменено 11", "создана 21 связь, обновлена 21, не изменена 21",
      "созданы 22 связи, обновлены 22, не изменены 22", "создано 25 связей, обновлено 25, не изменено 25",
      "создано 100 связей, обновлено 100, не изменено 100", "создана 101 связь, обновлена 101, не изменена 101"],
    en: ["0 ties created, 0 updated, 0 unchanged", "1 tie created, 1 updated, 1 unchanged", "2 ties created, 2 updated, 2 unchanged",
      "5 ties created, 5 updated, 5 unchanged", "11 ties created, 11 updated, 11 unchanged", "21 ties created, 21 updated, 21 unchanged",
      "22 ties created, 22 updated, 22 unchanged", "25 ties created, 25 updated, 25 unchanged", "100 ties created, 100 updated, 100 unchanged",
      "101 ties created, 101 updated, 101 unchanged"],
  }],
  ["import.rowsShown", n => ({ shown: 500, count: n }), {
    lv: ["0 rindām", "1 rindas", "2 rindām", "5 rindām", "11 rindām", "21 rindas", "22 rindām", "25 rindām", "100 rindām", "101 rindas"]
      .map(rows => `Parādītas 500 no ${rows}: vispirms tās, kuras imports maina.`),
    // Russian: the genitive after "из", singular at 1, 21, 101.
    ru: ["0 строк", "1 строки", "2 строк", "5 строк", "11 строк", "21 строки", "22 строк", "25 строк", "100 строк", "101 строки"]
      .map(rows => `Показано 500 из ${rows}: сначала те, которые изменяет импорт.`),
    en: ["0 rows", "1 row", "2 rows", "5 rows", "11 rows", "21 rows", "22 rows", "25 rows", "100 rows", "101 rows"]
      .map(rows => `Showing 500 of ${rows}: first those the import changes.`),
  }],
  ["import.problems", n => ({ count: n }), {
    lv: ["Atrastas 0 kļūdas.", "Atrasta 1 kļūda.", "Atrastas 2 kļūdas.", "Atrastas 5 kļūdas.", "Atrastas 11 kļūdas.", "Atrasta 21 kļūda.",
      "Atrastas 22 kļūdas.", "Atrastas 25 kļūdas.", "Atrastas 100 kļūdas.", "Atrasta 101 kļūda."]
      .map(found => `${found} Izlabojiet failu un priekšskatiet vēlreiz; līdz tam nekas netiks importēts.`),
    ru: ["Найдено 0 ошибок.", "Найдена 1 ошибка.", "Найдены 2 ошибки.", "Найдено 5 ошибок.", "Найдено 11 ошибок.", "Найдена 21 ошибка.",
      "Найдены 22 ошибки.", "Найдено 25 ошибок.", "Найдено 100 ошибок.", "Найдена 101 ошибка."]
      .map(found => `${found} Исправьте файл и снова запустите предпросмотр; до тех пор ничего не будет импортировано.`),
    en: ["0 problems", "1 problem", "2 problems", "5 problems", "11 problems", "21 problems", "22 problems", "25 problems", "100 problems", "101 problems"]
      .map(found => `${found} found. Put the file right and preview again; until then nothing will be imported.`),
  }],
  ["import.undone", n => ({ count: n }), {
    lv: ["atceltas 0 izmaiņas", "atcelta 1 izmaiņa", "atceltas 2 izmaiņas", "atceltas 5 izmaiņas", "atceltas 11 izmaiņas", "atcelta 21 izmaiņa",
      "atceltas 22 izmaiņas", "atceltas 25 izmaiņas", "atceltas 100 izmaiņas", "atcelta 101 izmaiņa"].map(undone => `Imports atsaukts: ${undone}.`),
    ru: ["отменено 0 изменений", "отменено 1 изменение", "отменены 2 изменения", "отменено 5 изменений", "отменено 11 изменений",
      "отменено 21 изменение", "отменены 22 изменения", "отменено 25 изменений", "отменено 100 изменений", "отменено 101 изменение"]
      .map(undone => `Импорт отменён: ${undone}.`),
    en: ["0 changes", "1 change", "2 changes", "5 changes", "11 changes", "21 changes", "22 changes", "25 changes", "100 changes", "101 changes"]
      .map(undone => `The import was undone: ${undone} taken back.`),
  }],
  ["report.activitiesHeld", n => ({ count: n }), {
    lv: ["0 aktivitātes", "1 aktivitāte", "2 aktivitātes", "5 aktivitātes", "11 aktivitātes", "21 aktivitāte", "22 aktivitātes", "25 aktivitātes",
      "100 aktivitātes", "101 aktivitāte"].map(held => `${held} laika posmā.`),
    ru: ["0 мероприятий", "1 мероприятие", "2 мероприятия", "5 мероприятий", "11 мероприятий", "21 мероприятие", "22 мероприятия", "25 мероприятий",
      "100 мероприятий", "101 мероприятие"].map(held => `${held} за период.`),
    en: ["0 activities", "1 activity", "2 activities", "5 activities", "11 activities", "21 activities", "22 activities", "25 activities",
      "100 activities", "101 activities"].map(held => `${held} in the period.`),
  }],
];

for (const [key, values, expected] of cases)
  for (const language of ["lv", "ru", "en"])
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

test("the other counted Russian texts take one form at 1 and 21, another at 2 and 22, a third at 5", () => {
  i18n.useLanguage("ru");
  const at = (key, values) => [1, 2, 5, 21, 22].map(n => i18n.t(key, values(n)));
  assert.deepEqual(at("cutOff", n => ({ groups: n, actors: n })), [
    "Без этого участника от сети оторвалась бы 1 группа с 1 участником.",
    "Без этого участника от сети оторвались бы 2 группы с 2 участниками.",
    "Без этого участника от сети оторвались бы 5 групп с 5 участниками.",
    "Без этого участника от сети оторвалась бы 21 группа с 21 участником.",
    "Без этого участника от сети оторвались бы 22 группы с 22 участниками.",
  ]);
  assert.deepEqual(at("reason.reaches", n => ({ count: n })), [
    "В основную сеть вошёл бы 1 участник.", "В основную сеть вошли бы 2 участника.", "В основную сеть вошли бы 5 участников.",
    "В основную сеть вошёл бы 21 участник.", "В основную сеть вошли бы 22 участника.",
  ]);
  assert.deepEqual(at("metrics.community", n => ({ count: n })), [
    "Входит в круг, где есть ещё 1 участник.", "Входит в круг, где есть ещё 2 участника.", "Входит в круг, где есть ещё 5 участников.",
    "Входит в круг, где есть ещё 21 участник.", "Входит в круг, где есть ещё 22 участника.",
  ]);
  assert.deepEqual(at("report.groupStill", n => ({ count: n })), [
    "1 участник, по-прежнему вне основной сети.", "2 участника, по-прежнему вне основной сети.", "5 участников, по-прежнему вне основной сети.",
    "21 участник, по-прежнему вне основной сети.", "22 участника, по-прежнему вне основной сети.",
  ]);
  // The genitive after "для": "человека" at 1 and 21, "человек" at 2 and 5.
  assert.deepEqual(at("plan.placeItem", n => ({ area: "Daugavpils", people: n })), [
    "Daugavpils: ресурс станет доступен ещё для 1 человека.", "Daugavpils: ресурс станет доступен ещё для 2 человек.",
    "Daugavpils: ресурс станет доступен ещё для 5 человек.", "Daugavpils: ресурс станет доступен ещё для 21 человека.",
    "Daugavpils: ресурс станет доступен ещё для 22 человек.",
  ]);
  assert.deepEqual(at("closure", n => ({ people: n, group: "пожилые люди", km: "1,0", areas: "Križi" })), [
    "1 человек (целевая группа: пожилые люди) останется", "2 человека (целевая группа: пожилые люди) останутся",
    "5 человек (целевая группа: пожилые люди) останутся", "21 человек (целевая группа: пожилые люди) останется",
    "22 человека (целевая группа: пожилые люди) останутся",
  ].map(left => `Если этот ресурс закроется, ${left} без ресурса в радиусе 1,0 км. Недостаточно обслуживаемыми станут территории: Križi.`));
  assert.deepEqual(at("admin.count", n => ({ count: n })), ["1 пользователь", "2 пользователя", "5 пользователей", "21 пользователь", "22 пользователя"]);
  assert.deepEqual(at("plan.grid", n => ({ cells: n, people: n })), [
    "1 ячейка, где люди живут слишком далеко; в них живёт 1 человек.", "2 ячейки, где люди живут слишком далеко; в них живут 2 человека.",
    "5 ячеек, где люди живут слишком далеко; в них живут 5 человек.", "21 ячейка, где люди живут слишком далеко; в них живёт 21 человек.",
    "22 ячейки, где люди живут слишком далеко; в них живут 22 человека.",
  ].map(cells => `${cells} Красный — слишком далеко, зелёный — в пределах досягаемости; чем темнее, тем больше людей.`));
});

test("the introductions' counts agree each with its own, in Russian as in Latvian", () => {
  const say = counts => i18n.t("report.introductionCounts", counts);
  const one = { made: 1, tie: 1, declined: 0, pending: 0, following: 1 };
  const some = { made: 5, tie: 2, declined: 2, pending: 1, following: 3 };
  const many = { made: 22, tie: 11, declined: 5, pending: 6, following: 21 };
  i18n.useLanguage("ru");
  assert.equal(say(one), "1 знакомство: 1 привело к связи, 0 отклонено, 0 без ответа. 1 связь возникла в течение 90 дней после знакомства.");
  assert.equal(say(some), "5 знакомств: 2 привели к связи, 2 отклонены, 1 без ответа. 3 связи возникли в течение 90 дней после знакомства.");
  assert.equal(say(many), "22 знакомства: 11 привели к связи, 5 отклонено, 6 без ответа. 21 связь возникла в течение 90 дней после знакомства.");
  i18n.useLanguage("lv");
  assert.equal(say(one), "1 iepazīstināšana: 1 kļuva par saiti, 0 atteiktas, 0 bez atbildes. 1 saite izveidojās 90 dienu laikā pēc iepazīstināšanas.");
  assert.equal(say(many), "22 iepazīstināšanas: 11 kļuva par saitēm, 5 atteiktas, 6 bez atbildes. 21 saite izveidojās 90 dienu laikā pēc iepazīstināšanas.");
});

test("a count that is no whole number takes Russian's fourth form, the genitive singular", () => {
  i18n.useLanguage("ru");
  assert.equal(i18n.t("ties", { count: 1.5 }), "1,5 связи");
  assert.equal(i18n.t("underServedArea", { area: "Rīga", people: 2.5, km: "3,2" }), "Rīga: 2,5 человека; ближайший ресурс — в 3,2 км.");
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
  // Russian: a decimal comma and a space between thousands as in Latvian (from 1 000 on, where Latvian starts at 10 000),
  // and a day without Latvian's closing point.
  i18n.useLanguage("ru");
  assert.equal(i18n.formatKm(3166.07), "3,2");
  assert.equal(i18n.formatKm(1000), "1,0");
  assert.equal(i18n.formatNumber(0.07084785, 3), "0,071");
  assert.equal(i18n.formatNumber(140000), "140\u00a0000");
  assert.equal(i18n.formatNumber(1000), "1\u00a0000");
  assert.equal(i18n.formatDate("2026-12-03"), "03.12.2026");
  assert.equal(i18n.formatDate("2026-01-09"), "09.01.2026");
  assert.equal(i18n.t("reason.distance", { km: i18n.formatKm(3166.07) }), "Расстояние: 3,2 км.");
  assert.equal(i18n.t("underServedArea", { area: "Rīga", people: 140000, km: i18n.formatKm(81158) }), "Rīga: 140\u00a0000 человек; ближайший ресурс — в 81,2 км.");
  assert.equal(i18n.t("report.scope", { area: "Cēsis", from: i18n.formatDate("2025-12-03"), to: i18n.formatDate("2026-12-03") }), "Территория: Cēsis; период: 03.12.2025–03.12.2026");
  assert.equal(i18n.t("metrics.closeCircle", { percent: i18n.formatNumber(62.5, 1) }), "Его партнёры в основном сотрудничают и между собой (62,5 %): тесный круг.");
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
  i18n.useLanguage("ru");
  assert.deepEqual(i18n.reasonsOf(suggestion), [
    "В основную сеть вошёл бы 1 участник.",
    "Потребность «помещение для репетиций» — предложение «помещения».",
    "Потребность «помещение для репетиций» — предложение «ūdens aerobika».",
    "Оба работают с целевыми группами: пожилые люди, lonely neighbours.",
    "Расстояние: 5,7 км.",
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
  i18n.useLanguage("ru");
  assert.equal(i18n.t("import.willResources", { created: 10, updated: 2, unchanged: 31 }), "Будет создано 10 ресурсов, обновлены 2, не изменён 31.");
  assert.equal(i18n.t("import.willResources", { created: 21, updated: 1, unchanged: 0 }), "Будет создан 21 ресурс, обновлён 1, не изменено 0.");
  assert.equal(i18n.t("import.willTies", { created: 1, updated: 0, unchanged: 24 }), "Будет создана 1 связь, обновлено 0, не изменены 24.");
  assert.equal(i18n.t("import.done", { counts: "созданы 3 ресурса, обновлено 0, не изменено 0" }), "Импортировано: созданы 3 ресурса, обновлено 0, не изменено 0.");
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
  i18n.useLanguage("ru");
  assert.equal(i18n.problemText({ ...kind, sheet: "Resources", column: "kind" }), "Лист Resources, строка 4, столбец kind: 'kosmoss' is no kind.");
  i18n.useLanguage("en");
  assert.equal(i18n.problemText({ ...kind, sheet: "Resources", column: "kind" }), "Sheet Resources, row 4, column kind: 'kosmoss' is no kind.");
  assert.equal(i18n.problemText({ sheet: "Resources", row: 1, column: "veids x", message: "Unknown column." }), "Sheet Resources, row 1, column veids x: Unknown column.");
});

// Every text in every language: the values of its Latvian one, and for a word that agrees with a number, the forms its
// language's plural rules can ask for a whole number (Intl.PluralRules), plus "other", which a form not given falls back
// to. Latvian's "zero" (0, 10–20, 30…) takes the plural's nominative, its "other" form, so Latvian need not give it.
const languages = ["lv", "ru", "en"];

/** The categories Intl.PluralRules(language) chooses for the whole numbers 0–1000. */
function wholeNumberCategories(language) {
  const rules = new Intl.PluralRules(language);
  return new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
}

/** The categories a language's counted words must give: by hand, checked against Intl below. */
const needed = { lv: ["one", "other"], ru: ["few", "many", "one", "other"], en: ["one", "other"] };

test("the forms asked of each language are those its plural rules choose for whole numbers", () => {
  assert.deepEqual([...wholeNumberCategories("ru")].sort(), ["few", "many", "one"]);
  assert.deepEqual([...wholeNumberCategories("lv")].sort(), ["one", "other", "zero"]);
  assert.deepEqual([...wholeNumberCategories("en")].sort(), ["one", "other"]);
  for (const language of languages) {
    const integer = [...wholeNumberCategories(language)].filter(c => !(language === "lv" && c === "zero"));
    assert.deepEqual([...new Set([...integer, "other"])].sort(), needed[language]);
  }
});

/** A text's values and counted words: {name} and {name:one=…|other=…}, and whatever is left that looks like neither. */
function parse(text) {
  const values = new Set();
  const counted = [];
  const rest = text.replace(/\{(\w+)(?::([^}]*))?\}/g, (_, name, forms) => {
    if (forms === undefined) values.add(name);
    else counted.push({ name, forms: forms.split("|").map(form => form.split("=")) });
    return "";
  });
  return { values, counted, stray: /[{}]/.test(rest) };
}

test("every text is written in every language, with the Latvian one's values and the forms its counts need", () => {
  const problems = [];
  const keys = Object.keys(i18n.texts.lv);
  assert.ok(keys.length > 300, "the texts were not read");
  for (const language of languages) {
    const texts = i18n.texts[language];
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const key of Object.keys(texts)) if (!(key in i18n.texts.lv)) problems.push(`${language} ${key}: not a Latvian text`);
    for (const key of keys) {
      const text = texts[key];
      if (typeof text !== "string" || text.trim() === "") {
        problems.push(`${language} ${key}: missing or empty`);
        continue;
      }
      const own = parse(text);
      const latvian = parse(i18n.texts.lv[key]);
      if ([...own.values].sort().join() !== [...latvian.values].sort().join())
        problems.push(`${language} ${key}: values {${[...own.values].sort()}}, Latvian {${[...latvian.values].sort()}}`);
      if (own.stray) problems.push(`${language} ${key}: a brace outside {name} or {name:category=form|…}`);
      for (const { name, forms } of own.counted) {
        if (!latvian.values.has(name)) problems.push(`${language} ${key}: counts {${name}}, which the Latvian text does not show`);
        const given = forms.map(([category]) => category);
        for (const form of forms)
          if (form.length !== 2 || form[1] === "") problems.push(`${language} ${key}: "${form.join("=")}" in {${name}:…} is no category=form`);
        for (const category of given)
          if (!categories.includes(category)) problems.push(`${language} ${key}: {${name}:…} gives "${category}", no plural category of ${language}`);
        if (new Set(given).size !== given.length) problems.push(`${language} ${key}: {${name}:…} gives a category twice`);
        for (const category of needed[language])
          if (!given.includes(category)) problems.push(`${language} ${key}: {${name}:…} lacks "${category}"`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test("the checks above catch a missing form, a lost value and a missing text", () => {
  const broken = parse("{count} {count:one=связь|many=связей|other=связи} {extra");
  assert.deepEqual(broken.counted[0].forms.map(([c]) => c), ["one", "many", "other"]);
  assert.ok(!broken.counted[0].forms.map(([c]) => c).includes("few"));
  assert.ok(broken.stray);
  assert.deepEqual([...parse("{a} и {b:one=x|other=y}").values], ["a"]);
});

test("every kind, tie type and group has a name in every language, and Russian names the offers Latvian does", () => {
  for (const language of languages) {
    i18n.useLanguage(language);
    for (const kind of i18n.kindCodes) assert.notEqual(i18n.kindName(kind), kind, `${language}: kind ${kind}`);
    for (const type of i18n.relationshipTypes) assert.notEqual(i18n.typeName(type), type, `${language}: tie type ${type}`);
    // The groups are texts ("group.seniors"), checked with every other; English names some as their codes.
    for (const group of ["seniors", "youth", "children", "families-of-children-with-disabilities", "all", "unemployed", "people-with-disabilities"])
      assert.ok(i18n.hasText(`group.${group}`), `group ${group}`);
  }
  assert.deepEqual(Object.keys(i18n.tagTranslations.ru).sort(), Object.keys(i18n.tagTranslations.lv).sort());
  i18n.useLanguage("ru");
  assert.deepEqual(["ASSOCIATION", "SOCIAL_SERVICE", "DAY_CENTRE", "MUNICIPALITY"].map(i18n.kindName),
    ["Объединение", "Социальная служба", "Дневной центр", "Самоуправление"]);
  assert.deepEqual(["COOPERATION", "REFERRAL", "VOLUNTEERING"].map(i18n.typeName), ["Сотрудничество", "Направление клиентов", "Волонтёрство"]);
  assert.deepEqual(["seniors", "families-of-children-with-disabilities"].map(i18n.groupName), ["пожилые люди", "семьи с детьми с инвалидностью"]);
  assert.deepEqual(["Seniors' Clubs", "respite care", "choir"].map(i18n.tagName), ["клубы для пожилых людей", "услуга временного ухода (передышка)", "choir"]);
  i18n.useLanguage("en");
  assert.equal(i18n.tagName("respite care"), "respite care");
});

test("a first visit takes the first of the browser's languages the page speaks, and Latvian when it speaks none", () => {
  assert.equal(i18n.languageOf(["ru-RU", "lv"]), "ru");
  assert.equal(i18n.languageOf(["RU"]), "ru");
  assert.equal(i18n.languageOf(["uk-UA", "ru-UA", "en"]), "ru");
  assert.equal(i18n.languageOf(["en-GB", "ru"]), "en");
  assert.equal(i18n.languageOf(["de-DE", "en-US"]), "en");
  assert.equal(i18n.languageOf(["lv-LV", "ru", "en"]), "lv");
  assert.equal(i18n.languageOf(["de", "fr"]), "lv");
  assert.equal(i18n.languageOf([]), "lv");
});

test("each page offers the three languages, each named in its own, and names only texts there are", () => {
  for (const page of ["index.html", "report.html", "survey.html", "surveys.html"]) {
    const html = readFileSync(new URL(`../src/${page}`, import.meta.url), "utf8");
    assert.match(html, /<label for="language" data-text="chooseLanguage">/, `${page}: the chooser's label`);
    const chooser = html.match(/<select id="language">([\s\S]*?)<\/select>/)?.[1] ?? "";
    assert.deepEqual([...chooser.matchAll(/<option value="(\w+)" lang="(\w+)">([^<]+)<\/option>/g)].map(m => [m[1], m[2], m[3]]),
      [["lv", "lv", "Latviešu"], ["ru", "ru", "Русский"], ["en", "en", "English"]], `${page}: the chooser's options`);
    for (const [, key] of html.matchAll(/data-text(?:-label)?="([^"]+)"/g)) assert.ok(i18n.hasText(key), `${page}: no text "${key}"`);
  }
});
