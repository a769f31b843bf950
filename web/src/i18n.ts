// Every text of the page, in Latvian (the default) and English. Elements name their text with data-text (content) or
// data-text-label (aria-label); code asks t(key).
export type Language = "lv" | "en";

const texts = {
  lv: {
    title: "Kopienas resursu karte",
    switchLanguage: "English",
    mapLabel: "Karte ar kopienas resursiem un to saitēm",
    legend: "Loma tīklā",
    "legend.kinds": "Resursu veidi",
    "legend.lines": "Līnijas kartē",
    "line.tie": "Saite starp dalībniekiem (jo resnāka, jo stiprāka)",
    "line.selected": "Izvēlētā dalībnieka saites",
    "line.suggested": "Raustīta līnija: ieteicamā jaunā saite izvēlētajam dalībniekam vai tā grupai (tādas saites vēl nav)",
    "line.path": "Iepazīstināšanas ceļš",
    "role.bridging": "Savienotājs",
    "role.isolatedGroup": "Nošķirtas grupas dalībnieks",
    "role.isolated": "Bez saitēm",
    "role.other": "Pārējie",
    loading: "Ielādē…",
    loaded: "{resources} {resources:resurss|resursi}, {ties} {ties:saite|saites}.",
    ties: "{count} {count:saite|saites}",
    cutOff: "Ja šī dalībnieka nebūtu, no tīkla atrautos {groups} {groups:grupa|grupas} ar {actors} {actors:dalībnieku|dalībniekiem}.",
    noPlace: "{count} {count:resursam|resursiem} nav vietas kartē.",
    isolatedGroups: "Nošķirtas grupas",
    asOf: "Tīkls dienā",
    planning: "Plānošana",
    filters: "Filtri",
    filterKind: "Veids",
    filterGroup: "Mērķa grupa",
    all: "visi",
    whatIfClosed: "Kas notiktu, ja tas slēgtos?",
    closureNotServing: "Tas nestrādā ar mērķa grupu „{group}” (vai nedarbojas): tā slēgšana šai grupai neko nemainītu.",
    closure: "Ja tas slēgtos, {people} {people:cilvēks|cilvēki} (mērķa grupa: {group}) paliktu bez resursa {km} km attālumā. Nepietiekami apkalpotas kļūtu teritorijas: {areas}.",
    targetGroup: "Mērķa grupa",
    "group.seniors": "seniori",
    "group.youth": "jaunieši",
    "group.children": "bērni",
    "group.families-of-children-with-disabilities": "ģimenes ar bērniem ar invaliditāti",
    distance: "Attālums (m)",
    showUnderServed: "Rādīt nepietiekami apkalpotās teritorijas",
    underServedNone: "Nepietiekami apkalpotu teritoriju nav.",
    underServedArea: "{area}: {people} {people:cilvēks|cilvēki}; tuvākais resurss {km} km attālumā.",
    showGraph: "Tīkla skats",
    showMap: "Karte",
    graphLabel: "Tīkls kā grafs: kopienas krāsās, savienotāji lielāki",
    isolatedNone: "Nošķirtu grupu nav.",
    suggestionsTitle: "Ieteicamās jaunās saites",
    suggestionsNone: "Ieteikumu nav.",
    recordTie: "Ierakstīt šo saiti",
    signIn: "Pierakstīties",
    tokenLabel: "Piekļuves atslēga",
    signedIn: "Pierakstījies: var ierakstīt saites.",
    signedOut: "Nav pierakstījies: tikai skatīšanās.",
    "reason.reaches": "Pievienotu galvenajam tīklam {count} {count:dalībnieku|dalībniekus}.",
    "reason.need": "Vajadzība „{need}” — piedāvājums „{offer}”.",
    "reason.groups": "Abi strādā ar: {groups}.",
    "reason.partners": "{count} {count:kopīgs partneris|kopīgi partneri}.",
    "reason.distance": "Attālums: {km} km.",
    "group.all": "visi iedzīvotāji",
    "group.unemployed": "bezdarbnieki",
    "group.people-with-disabilities": "cilvēki ar invaliditāti",
    allAreas: "visas teritorijas",
    filterArea: "Teritorija",
    filterType: "Saites veids",
    find: "Atrast resursu",
    "find.matches": "{count} {count:atbilstošs resurss|atbilstoši resursi}",
    chooseActor: "— izvēlieties —",
    details: "Izvēlētais resurss",
    "metrics.outside": "Nav analizētajā tīklā (ārpus izvēlētās teritorijas).",
    "metrics.noTies": "Vēl nav nevienas saites.",
    "metrics.degree": "Tieši sadarbojas ar {count} {count:dalībnieku|dalībniekiem}.",
    "metrics.goBetween": "Kā starpnieks: {rank}. vieta no {count} (cik bieži caur to iet īsākie ceļi starp citiem).",
    "metrics.closeCircle": "Tā partneri lielākoties sadarbojas arī savā starpā ({percent} %): ciešs loks.",
    "metrics.opensCircles": "Tā partneri savā starpā maz sadarbojas ({percent} %): tas satur kopā dažādus lokus.",
    "metrics.community": "Pieder lokam, kurā ir vēl {count} {count:dalībnieks|dalībnieki}.",
    strength: "stiprums",
    edit: "Labot",
    introduction: "Iepazīstināšanas ceļš",
    pathFrom: "No",
    pathTo: "Līdz",
    findPath: "Atrast ceļu",
    pathsNone: "Šie dalībnieki nav savienoti.",
    "path.summary": "{hops} {hops:solis|soļi}; vājākās saites stiprums: {weakest}.",
    planArea: "Teritorija (režģim un vietām)",
    cellSize: "Šūnas izmērs (m)",
    showGrid: "Rādīt režģi (siltuma karte)",
    placementCount: "Jaunu resursu skaits",
    suggestPlaces: "Ieteikt vietas jauniem resursiem",
    "plan.chooseArea": "Izvēlieties teritoriju ar robežām režģim un vietām.",
    "plan.grid": "{cells} {cells:šūna|šūnas}, kur cilvēki dzīvo par tālu; tajās dzīvo {people} {people:cilvēks|cilvēki}. Sarkans — par tālu, zaļš — sasniedzams; tumšāks — vairāk cilvēku.",
    "plan.coverage": "Sasniedzamība tagad {before} %, ar jaunajiem resursiem {after} %.",
    "plan.place": "Vieta {rank}: vēl {people} {people:cilvēks|cilvēki} sasniegtu resursu",
    "plan.placeItem": "{area}: vēl {people} {people:cilvēks|cilvēki} sasniegtu resursu.",
    addResource: "Pievienot resursu",
    editResource: "Labot resursu",
    addTie: "Pievienot saiti",
    save: "Saglabāt",
    cancel: "Atcelt",
    yes: "jā",
    no: "nē",
    "field.name": "Nosaukums",
    "field.kind": "Veids",
    "field.targetGroups": "Mērķa grupas",
    "field.address": "Adrese",
    "field.description": "Apraksts",
    "field.latitude": "Platums",
    "field.longitude": "Garums",
    "field.area": "Teritorija",
    "field.sensitive": "Aizsargāts (redz tikai pašvaldības darbinieki)",
    "field.partner": "Partneris",
    "field.type": "Saites veids",
    "field.strength": "Stiprums (1–5)",
    "field.since": "Kopš",
    "field.until": "Līdz",
    "field.note": "Piezīme",
    "edit.clickMap": "Noklikšķiniet kartē vietā, kur resurss atrodas.",
    "edit.clickToMove": "Klikšķis kartē pārvieto resursu uz turieni.",
    "edit.newResourceTitle": "Jauns resurss",
    "edit.resourceTitle": "Labot resursu",
    "edit.newTieTitle": "Jauna saite",
    "edit.tieTitle": "Labot saiti",
    "edit.gone": "Tas vairs nepastāv.",
    "edit.refused": "Netika saglabāts:",
    "edit.savedMeanwhile": "Kāds to jau mainīja: tagad „{now}”, jūsu „{mine}”.",
    "edit.conflict": "Kamēr jūs labojāt, kāds cits saglabāja izmaiņas (jūs lasījāt versiju {mine}, tagad ir {now}). Atšķiras: {fields}. Nekas netika saglabāts.",
    "edit.keepMine": "Saglabāt manējo tā vietā",
    "edit.takeTheirs": "Ņemt saglabāto",
    impactReport: "Pārmaiņu pārskats",
    reportFrom: "No",
    reportTo: "Līdz",
    openReport: "Atvērt pārskatu drukāšanai",
    backToMap: "Atpakaļ uz karti",
    print: "Drukāt",
    "report.title": "Pārmaiņas kopienas tīklā",
    "report.scope": "Teritorija: {area}; laika posms: {from}–{to}",
    "report.everywhere": "visas teritorijas",
    "report.figures": "Tīkls abās dienās",
    "report.change": "Izmaiņa",
    "report.actors": "Dalībnieki",
    "report.ties": "Saites",
    "report.mainNetwork": "Dalībnieki galvenajā tīklā",
    "report.isolatedGroups": "Nošķirtas grupas",
    "report.isolatedActors": "Dalībnieki bez saitēm",
    "report.bridgingActors": "Savienotāji",
    "report.density": "Blīvums",
    "report.tiesBuilt": "Izveidotās saites",
    "report.broughtIn": "Galvenajā tīklā iesaistītie dalībnieki",
    "report.groups": "Nošķirtās grupas un dalībnieki pirmajā dienā",
    "report.groupJoined": "galvenajam tīklam pievienojās {joined} {joined:dalībnieks|dalībnieki}, {still} {still:joprojām nošķirts|joprojām nošķirti}.",
    "report.groupStill": "{count} {count:dalībnieks|dalībnieki}, joprojām ārpus galvenā tīkla.",
    "report.tiesEnded": "Beigušās saites",
    "report.none": "Nav.",
    "report.show": "Rādīt",
    "report.reversed": "Sākuma diena ({from}) ir pēc beigu dienas ({to}). Izvēlieties sākumu, kas ir agrāk par beigām.",
    "report.chooseDays": "Izvēlieties sākuma un beigu dienu.",
    "error.BAD_USER_INPUT": "Serveris nepieņēma kādu no norādītajām vērtībām (dienu vai teritoriju). Pārbaudiet tās un mēģiniet vēlreiz.",
    "error.NOT_FOUND": "Tas vairs nepastāv, vai jums nav tiesību to redzēt.",
    "error.CONFLICT": "Kāds cits tikko mainīja šos datus. Ielādējiet lapu vēlreiz.",
    "error.UNAUTHENTICATED": "Piekļuves atslēga nav derīga. Pierakstieties vēlreiz.",
    "error.FORBIDDEN": "Jūsu lomai to darīt nav atļauts.",
    "error.RATE_LIMITED": "Īsā laikā bija pārāk daudz pieprasījumu. Pagaidiet mirkli un mēģiniet vēlreiz.",
    "error.TIMEOUT": "Serveris neatbildēja laikā. Izvēlieties īsāku laika posmu vai mazāku teritoriju un mēģiniet vēlreiz.",
    "error.limit": "Pieprasījums serverim ir par lielu. Izvēlieties mazāku teritoriju vai īsāku laika posmu.",
    "error.page": "Šī lapa neatbilst servera versijai. Ielādējiet lapu no jauna.",
    "error.INTERNAL": "Serverī notika kļūda. Mēģiniet vēlreiz vēlāk; ja tā atkārtojas, ziņojiet administratoram.",
    "error.NETWORK": "Serveris nav sasniedzams. Pārbaudiet interneta savienojumu un mēģiniet vēlreiz.",
    "error.unknown": "Datus neizdevās ielādēt. Mēģiniet vēlreiz vēlāk.",
  },
  en: {
    title: "Community resource map",
    switchLanguage: "Latviešu",
    mapLabel: "Map of the community's resources and their ties",
    legend: "Role in the network",
    "legend.kinds": "Kinds of resources",
    "legend.lines": "Lines on the map",
    "line.tie": "A tie between actors (the thicker, the stronger)",
    "line.selected": "The selected actor's ties",
    "line.suggested": "Dashed: a suggested new tie for the selected actor or its group (no such tie yet)",
    "line.path": "Introduction path",
    "role.bridging": "Bridging actor",
    "role.isolatedGroup": "Member of an isolated group",
    "role.isolated": "Isolated actor",
    "role.other": "Other",
    loading: "Loading…",
    loaded: "{resources} {resources:resource|resources}, {ties} {ties:tie|ties}.",
    ties: "{count} {count:tie|ties}",
    cutOff: "Without this actor, groups cut off from the network: {groups}; actors in them: {actors}.",
    noPlace: "{count} {count:resource has|resources have} no place on the map.",
    isolatedGroups: "Isolated groups",
    asOf: "The network on",
    planning: "Planning",
    filters: "Filters",
    filterKind: "Kind",
    filterGroup: "Target group",
    all: "all",
    whatIfClosed: "What if it closed?",
    closureNotServing: "It does not serve {group} (or is not active): its closing would change nothing for them.",
    closure: "If it closed, {people} {people:person|people} ({group}) would have no resource within {km} km. Newly under-served: {areas}.",
    targetGroup: "Target group",
    "group.seniors": "seniors",
    "group.youth": "youth",
    "group.children": "children",
    "group.families-of-children-with-disabilities": "families of children with disabilities",
    distance: "Distance (m)",
    showUnderServed: "Show under-served areas",
    underServedNone: "No under-served areas.",
    underServedArea: "{area}: {people} {people:person|people}; nearest resource {km} km away.",
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
    "reason.reaches": "Would bring {count} {count:actor|actors} into the main network.",
    "reason.need": "Need “{need}” — offer “{offer}”.",
    "reason.groups": "Both serve: {groups}.",
    "reason.partners": "{count} {count:partner|partners} in common.",
    "reason.distance": "Distance: {km} km.",
    "group.all": "everyone",
    "group.unemployed": "the unemployed",
    "group.people-with-disabilities": "people with disabilities",
    allAreas: "all areas",
    filterArea: "Area",
    filterType: "Tie type",
    find: "Find a resource",
    "find.matches": "{count} {count:match|matches}",
    chooseActor: "— choose —",
    details: "Selected resource",
    "metrics.outside": "Not in the network analysed (outside the chosen area).",
    "metrics.noTies": "Has no ties yet.",
    "metrics.degree": "Works directly with actors: {count}.",
    "metrics.goBetween": "As a go-between: rank {rank} of {count} (how often the shortest ways between others pass through it).",
    "metrics.closeCircle": "Its partners mostly work with each other too ({percent} %): a close circle.",
    "metrics.opensCircles": "Its partners rarely work with each other ({percent} %): it holds different circles together.",
    "metrics.community": "Belongs to a circle with {count} other {count:actor|actors}.",
    strength: "strength",
    edit: "Edit",
    introduction: "Introduction path",
    pathFrom: "From",
    pathTo: "To",
    findPath: "Find a path",
    pathsNone: "These actors are not connected.",
    "path.summary": "{hops} {hops:step|steps}; weakest tie strength: {weakest}.",
    planArea: "Area (for the grid and places)",
    cellSize: "Cell size (m)",
    showGrid: "Show the grid (heat map)",
    placementCount: "New resources",
    suggestPlaces: "Suggest places for new resources",
    "plan.chooseArea": "Choose an area with a boundary for the grid and the places.",
    "plan.grid": "Cells where people live too far: {cells}; people in them: {people}. Red: too far; green: within reach; darker: more people.",
    "plan.coverage": "Within reach now {before} %, with the new resources {after} %.",
    "plan.place": "Place {rank}: {people} more {people:person|people} within reach",
    "plan.placeItem": "{area}: {people} more {people:person|people} within reach.",
    addResource: "Add a resource",
    editResource: "Edit the resource",
    addTie: "Add a tie",
    save: "Save",
    cancel: "Cancel",
    yes: "yes",
    no: "no",
    "field.name": "Name",
    "field.kind": "Kind",
    "field.targetGroups": "Target groups",
    "field.address": "Address",
    "field.description": "Description",
    "field.latitude": "Latitude",
    "field.longitude": "Longitude",
    "field.area": "Area",
    "field.sensitive": "Protected (only the municipality's staff see it)",
    "field.partner": "Partner",
    "field.type": "Tie type",
    "field.strength": "Strength (1–5)",
    "field.since": "Since",
    "field.until": "Until",
    "field.note": "Note",
    "edit.clickMap": "Click the map where the resource is.",
    "edit.clickToMove": "A click on the map moves the resource there.",
    "edit.newResourceTitle": "New resource",
    "edit.resourceTitle": "Edit the resource",
    "edit.newTieTitle": "New tie",
    "edit.tieTitle": "Edit the tie",
    "edit.gone": "It no longer exists.",
    "edit.refused": "Not saved:",
    "edit.savedMeanwhile": "Someone changed this meanwhile: now “{now}”, yours “{mine}”.",
    "edit.conflict": "While you were editing, someone else saved a change (you read version {mine}, now it is {now}). Different: {fields}. Nothing was saved.",
    "edit.keepMine": "Save mine over it",
    "edit.takeTheirs": "Take the saved values",
    impactReport: "Impact report",
    reportFrom: "From",
    reportTo: "To",
    openReport: "Open the printable report",
    backToMap: "Back to the map",
    print: "Print",
    "report.title": "Changes in the community's network",
    "report.scope": "Area: {area}; period: {from} to {to}",
    "report.everywhere": "all areas",
    "report.figures": "The network on both days",
    "report.change": "Change",
    "report.actors": "Actors",
    "report.ties": "Ties",
    "report.mainNetwork": "Actors in the main network",
    "report.isolatedGroups": "Isolated groups",
    "report.isolatedActors": "Actors without ties",
    "report.bridgingActors": "Bridging actors",
    "report.density": "Density",
    "report.tiesBuilt": "Ties built",
    "report.broughtIn": "Actors brought into the main network",
    "report.groups": "Isolated groups and actors of the first day",
    "report.groupJoined": "{joined} {joined:actor|actors} joined the main network, {still} still isolated.",
    "report.groupStill": "{count} {count:actor|actors}, still outside the main network.",
    "report.tiesEnded": "Ties ended",
    "report.none": "None.",
    "report.show": "Show",
    "report.reversed": "The first day ({from}) is after the last day ({to}). Choose a first day before the last.",
    "report.chooseDays": "Choose the first and the last day.",
    "error.BAD_USER_INPUT": "The server did not accept one of the values given (a day or an area). Check them and try again.",
    "error.NOT_FOUND": "It no longer exists, or you may not see it.",
    "error.CONFLICT": "Someone else has just changed this data. Load the page again.",
    "error.UNAUTHENTICATED": "The access token is not valid. Sign in again.",
    "error.FORBIDDEN": "Your role may not do this.",
    "error.RATE_LIMITED": "Too many requests in a short time. Wait a moment and try again.",
    "error.TIMEOUT": "The server did not answer in time. Choose a shorter period or a smaller area and try again.",
    "error.limit": "The request is too large for the server. Choose a smaller area or a shorter period.",
    "error.page": "This page does not match the server's version. Load the page again.",
    "error.INTERNAL": "The server met an error. Try again later; if it happens again, tell the administrator.",
    "error.NETWORK": "The server cannot be reached. Check the internet connection and try again.",
    "error.unknown": "The data could not be loaded. Try again later.",
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

const types: Record<Language, Record<string, string>> = {
  lv: {
    COOPERATION: "Sadarbība", MEMBERSHIP: "Dalība", FUNDING: "Finansējums", REFERRAL: "Nosūtīšana", VOLUNTEERING: "Brīvprātīgais darbs",
    SHARED_ACTIVITY: "Kopīgs pasākums", INFORMATION_CHANNEL: "Informācijas kanāls", MENTORING: "Mentorings", VENUE: "Telpas",
  },
  en: {
    COOPERATION: "Cooperation", MEMBERSHIP: "Membership", FUNDING: "Funding", REFERRAL: "Referral", VOLUNTEERING: "Volunteering",
    SHARED_ACTIVITY: "Shared activity", INFORMATION_CHANNEL: "Information channel", MENTORING: "Mentoring", VENUE: "Venue",
  },
};

/** The types of the schema's RelationshipType, in its order. */
export const relationshipTypes = Object.keys(types.en);

/** A relationship type in the page's language. */
export const typeName = (type: string): string => types[language][type] ?? type;

/** A target group in the page's language; a group the page has no name for keeps its code. */
export function groupName(group: string): string {
  const key = `group.${group}`;
  return hasText(key) ? t(key) : group;
}

/** Whether the page has a text of this name. */
export const hasText = (key: string): key is TextKey => key in texts.en;

/** The kinds of the schema's ResourceKind, in its order. */
export const kindCodes = Object.keys(kinds.en);

/** A resource kind (ResourceKind in the schema) in the page's language. */
export const kindName = (kind: string): string => kinds[language][kind] ?? kind;

// Read once at load; Node (the tests of these texts) has no localStorage.
let language: Language = globalThis.localStorage?.getItem("language") === "en" ? "en" : "lv";

export const currentLanguage = (): Language => language;

/**
 * A text with its values: {name} is the value (a number formatted for the language), {name:one|other} the word that
 * agrees with the number in name. Intl.PluralRules("lv") says "zero" for 0, 10–20, 30…; Latvian uses the plural's
 * nominative there too ("0 saites", "11 saites"), so only "one" (1, 21, 61…) takes the first form.
 */
export function t(key: TextKey, values: Record<string, string | number> = {}): string {
  const plural = new Intl.PluralRules(language);
  return texts[language][key].replace(/\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g, (_, name: string, one?: string, other?: string) => {
    const value = values[name] ?? "";
    if (one !== undefined) return plural.select(Number(value)) === "one" ? one : other!;
    return typeof value === "number" ? formatNumber(value) : value;
  });
}

/**
 * A number as the page's language writes it: "3,2" and "140 000" in Latvian. English keeps whole figures ungrouped
 * ("140000"), as the API sends them and the end-to-end tests compare them.
 */
export function formatNumber(value: number, fractionDigits?: number): string {
  return new Intl.NumberFormat(language, {
    useGrouping: language === "lv",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits ?? 3,
  }).format(value);
}

/** A distance in kilometres to one decimal: "3,2" (lv), "3.2" (en). */
export const formatKm = (meters: number): string => formatNumber(meters / 1000, 1);

/** A day (yyyy-mm-dd) as the language writes it: "03.12.2026." in Latvian, as sent in English. */
export function formatDate(day: string): string {
  const [year, month, date] = day.split("-");
  return language === "lv" && date ? `${date}.${month}.${year}.` : day;
}

/** Chooses the language of t() and the formats, without touching the page (the tests call this). */
export function useLanguage(next: Language): void {
  language = next;
}

export function setLanguage(next: Language): void {
  useLanguage(next);
  localStorage.setItem("language", next);
  document.documentElement.lang = next;
  for (const element of document.querySelectorAll<HTMLElement>("[data-text]")) element.textContent = t(element.dataset.text as TextKey);
  for (const element of document.querySelectorAll<HTMLElement>("[data-text-label]")) element.setAttribute("aria-label", t(element.dataset.textLabel as TextKey));
}
