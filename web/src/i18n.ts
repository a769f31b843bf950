// Every text of the page, in Latvian (the default) and English. Elements name their text with data-text (content) or
// data-text-label (aria-label); code asks t(key).
export type Language = "lv" | "en";

const texts = {
  lv: {
    title: "Kopienas resursu karte",
    switchLanguage: "English",
    mapLabel: "Karte ar kopienas resursiem un to saitēm",
    legend: "Loma tīklā",
    "role.bridging": "Savienotājs",
    "role.isolatedGroup": "Nošķirtas grupas dalībnieks",
    "role.isolated": "Bez saitēm",
    "role.other": "Pārējie",
    loading: "Ielādē…",
    loaded: "{resources} resursi, {ties} saites.",
    failed: "Neizdevās ielādēt datus: {message}",
    ties: "Saites: {count}",
    cutOff: "Ja šī dalībnieka nebūtu, no tīkla atrautos grupas: {groups}, dalībnieki kopā: {actors}.",
    noPlace: "{count} resursiem nav vietas kartē.",
    isolatedGroups: "Nošķirtas grupas",
    asOf: "Tīkls dienā",
    planning: "Plānošana",
    filters: "Filtri",
    filterKind: "Veids",
    filterGroup: "Mērķa grupa",
    all: "visi",
    whatIfClosed: "Kas notiktu, ja tas slēgtos?",
    closureNotServing: "Tas nestrādā ar mērķa grupu „{group}” (vai nedarbojas): tā slēgšana šai grupai neko nemainītu.",
    closure: "Ja tas slēgtos, {people} ({group}) paliktu bez resursa {km} km attālumā. Nepietiekami apkalpotas kļūtu: {areas}.",
    targetGroup: "Mērķa grupa",
    "group.seniors": "seniori",
    "group.youth": "jaunieši",
    "group.children": "bērni",
    "group.families": "ģimenes ar bērniem ar invaliditāti",
    distance: "Attālums (m)",
    showUnderServed: "Rādīt nepietiekami apkalpotās teritorijas",
    underServedNone: "Nepietiekami apkalpotu teritoriju nav.",
    underServedArea: "{area}: {people} cilvēki; tuvākais resurss {km} km.",
    showGraph: "Tīkla skats",
    showMap: "Karte",
    graphLabel: "Tīkls kā grafs: kopienas krāsās, savienotāji lielāki",
    isolatedNone: "Nošķirtu grupu nav.",
    suggestionsTitle: "Ieteicamās jaunās saites",
    suggestionsNone: "Ieteikumu nav.",
    recordTie: "Ierakstīt šo saiti",
    signIn: "Pierakstīties",
    tokenLabel: "Piekļuves atslēga (token)",
    signedIn: "Pierakstījies: var ierakstīt saites.",
    signedOut: "Nav pierakstījies: tikai skatīšanās.",
    "reason.reaches": "Pievienotu galvenajam tīklam dalībniekus: {count}.",
    "reason.need": "Vajadzība „{need}” — piedāvājums „{offer}”.",
    "reason.groups": "Abi strādā ar: {groups}.",
    "reason.partners": "Kopīgi partneri: {count}.",
    "reason.distance": "Attālums: {km} km.",
  },
  en: {
    title: "Community resource map",
    switchLanguage: "Latviešu",
    mapLabel: "Map of the community's resources and their ties",
    legend: "Role in the network",
    "role.bridging": "Bridging actor",
    "role.isolatedGroup": "Member of an isolated group",
    "role.isolated": "Isolated actor",
    "role.other": "Other",
    loading: "Loading…",
    loaded: "{resources} resources, {ties} ties.",
    failed: "The data could not be loaded: {message}",
    ties: "Ties: {count}",
    cutOff: "Without this actor, groups cut off from the network: {groups}; actors in them: {actors}.",
    noPlace: "{count} resources have no place on the map.",
    isolatedGroups: "Isolated groups",
    asOf: "The network on",
    planning: "Planning",
    filters: "Filters",
    filterKind: "Kind",
    filterGroup: "Target group",
    all: "all",
    whatIfClosed: "What if it closed?",
    closureNotServing: "It does not serve {group} (or is not active): its closing would change nothing for them.",
    closure: "If it closed, {people} people ({group}) would have no resource within {km} km. Newly under-served: {areas}.",
    targetGroup: "Target group",
    "group.seniors": "seniors",
    "group.youth": "youth",
    "group.children": "children",
    "group.families": "families of children with disabilities",
    distance: "Distance (m)",
    showUnderServed: "Show under-served areas",
    underServedNone: "No under-served areas.",
    underServedArea: "{area}: {people} people; nearest resource {km} km.",
    showGraph: "Network view",
    showMap: "Map",
    graphLabel: "The network as a graph: communities in colours, bridging actors larger",
    isolatedNone: "No isolated groups.",
    suggestionsTitle: "Suggested new ties",
    suggestionsNone: "No suggestions.",
    recordTie: "Record this tie",
    signIn: "Sign in",
    tokenLabel: "Access token",
    signedIn: "Signed in: you can record ties.",
    signedOut: "Not signed in: viewing only.",
    "reason.reaches": "Would bring actors into the main network: {count}.",
    "reason.need": "Need “{need}” — offer “{offer}”.",
    "reason.groups": "Both serve: {groups}.",
    "reason.partners": "Partners in common: {count}.",
    "reason.distance": "Distance: {km} km.",
  },
} as const;

export type TextKey = keyof typeof texts.lv;

const kinds: Record<Language, Record<string, string>> = {
  lv: {
    ASSOCIATION: "Biedrība", SCHOOL: "Skola", KINDERGARTEN: "Bērnudārzs", DAY_CENTRE: "Dienas centrs", SOCIAL_SERVICE: "Sociālais dienests",
    MUNICIPALITY: "Pašvaldība", CULTURE_HOUSE: "Kultūras nams", SPORTS_CENTRE: "Sporta centrs", ART_SPACE: "Mākslas telpa",
    LIBRARY: "Bibliotēka", FAITH_GROUP: "Draudze", BUSINESS: "Uzņēmums", INFORMAL_GROUP: "Neformāla grupa",
    VOLUNTEER: "Brīvprātīgais", COMMUNITY_LEADER: "Kopienas līderis", OTHER: "Cits",
  },
  en: {
    ASSOCIATION: "Association", SCHOOL: "School", KINDERGARTEN: "Kindergarten", DAY_CENTRE: "Day centre", SOCIAL_SERVICE: "Social service",
    MUNICIPALITY: "Municipality", CULTURE_HOUSE: "Culture house", SPORTS_CENTRE: "Sports centre", ART_SPACE: "Art space",
    LIBRARY: "Library", FAITH_GROUP: "Faith group", BUSINESS: "Business", INFORMAL_GROUP: "Informal group",
    VOLUNTEER: "Volunteer", COMMUNITY_LEADER: "Community leader", OTHER: "Other",
  },
};

/** The kinds of the schema's ResourceKind, in its order. */
export const kindCodes = Object.keys(kinds.en);

/** A resource kind (ResourceKind in the schema) in the page's language. */
export const kindName = (kind: string): string => kinds[language][kind] ?? kind;

let language: Language = localStorage.getItem("language") === "en" ? "en" : "lv";

export const currentLanguage = (): Language => language;

export function t(key: TextKey, values: Record<string, string | number> = {}): string {
  return texts[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

export function setLanguage(next: Language): void {
  language = next;
  localStorage.setItem("language", next);
  document.documentElement.lang = next;
  for (const element of document.querySelectorAll<HTMLElement>("[data-text]")) element.textContent = t(element.dataset.text as TextKey);
  for (const element of document.querySelectorAll<HTMLElement>("[data-text-label]")) element.setAttribute("aria-label", t(element.dataset.textLabel as TextKey));
}
