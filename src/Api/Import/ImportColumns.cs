using ResourceMap.Persistence.Model;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Import;

/// <summary>
/// A column of the template: its English name (the key), its Latvian alias and what goes in it; <paramref name="Hsds"/>,
/// the HSDS 3.0 field it is read from in an HSDS file, is a third alias, so that problems name the field a directory wrote.
/// </summary>
public sealed record Column(string Name, string Latvian, string Help, string HelpLatvian, string? Hsds = null);

/// <summary>
/// The template's sheets and columns, and the words people write in them: English or Latvian headers, kinds, tie types
/// and statuses in either language (or as the API's codes), yes/no and jā/nē. Words are compared folded (case and
/// diacritics ignored, spaces and underscores alike), as the search does.
/// </summary>
public static class ImportColumns
{
    public const string ResourcesSheet = "Resources";
    public const string TiesSheet = "Ties";
    public static readonly string[] ResourcesSheetNames = [ResourcesSheet, "Resursi", Hsds.HsdsImport.OrganizationsSheet];
    public static readonly string[] TiesSheetNames = [TiesSheet, "Saites", Hsds.HsdsImport.RelationshipsSheet];
    public const string ActivitiesSheet = "Activities";
    public static readonly string[] ActivitiesSheetNames = [ActivitiesSheet, "Aktivitātes"];

    public static readonly Column[] Resources =
    [
        new("id", "id", "ResourceMap's id: filled in by an export; leave it as it is, empty for new rows.", "ResourceMap id: to aizpilda eksports; nemainiet, jaunām rindām atstājiet tukšu."),
        new("externalId", "ārējais id", "Your own key for the row (optional, unique): importing again updates the resource it names.", "Jūsu atslēga rindai (nav obligāta, unikāla): importējot vēlreiz, tiek atjaunots tas pats resurss.", "organization.id"),
        new("name", "nosaukums", "The resource's name (required).", "Resursa nosaukums (obligāts).", "organization.name"),
        new("kind", "veids", "What it is: association, school, day centre … or biedrība, skola, dienas centrs … (required).", "Kas tas ir: biedrība, skola, dienas centrs … (obligāts).", "attribute.taxonomy_term.code (kind:…)"),
        new("description", "apraksts", "What it does.", "Ko tas dara.", "organization.description"),
        new("address", "adrese", "Street address.", "Adrese.", "address.address_1"),
        new("latitude", "platums", "WGS84 latitude in degrees (56,95 or 56.95); with longitude.", "WGS84 platums grādos (56,95 vai 56.95); kopā ar garumu.", "location.latitude"),
        new("longitude", "garums", "WGS84 longitude in degrees (24,11 or 24.11); with latitude.", "WGS84 garums grādos (24,11 vai 24.11); kopā ar platumu.", "location.longitude"),
        new("area", "teritorija", "The name of an existing area (Križi, Zosēnu pagasts); found from the coordinates when empty.", "Esošas teritorijas nosaukums (Križi, Zosēnu pagasts); ja tukšs, to nosaka pēc koordinātām."),
        new("targetGroups", "mērķa grupas", "Whom it serves, separated by ; (seniors; youth).", "Kam tas kalpo, atdalot ar ; (seniors; youth).", "attribute.taxonomy_term.code (target_group:…)"),
        new("offers", "piedāvā", "What it offers, separated by ; (venue; transport).", "Ko tas piedāvā, atdalot ar ; (venue; transport)."),
        new("needs", "vajadzības", "What it needs, separated by ; (volunteers; funding).", "Kas tam vajadzīgs, atdalot ar ; (volunteers; funding)."),
        new("languages", "valodas", "ISO 639 codes separated by ; (lv; ru).", "ISO 639 kodi, atdalot ar ; (lv; ru).", "service.languages.code"),
        new("status", "statuss", "active, dormant or closed (darbojas, neaktīvs, slēgts); active when empty.", "darbojas, neaktīvs vai slēgts; ja tukšs — darbojas.", "service.status"),
        new("web", "tīmekļa vietne", "http or https address.", "http vai https adrese.", "organization.website"),
        new("email", "e-pasts", "E-mail address.", "E-pasta adrese.", "organization.email"),
        new("phone", "tālrunis", "Phone number.", "Tālruņa numurs.", "phone.number"),
        new("sensitive", "sensitīvs", "yes when it reveals vulnerable people (jā/nē); no when empty.", "jā, ja tas atklāj neaizsargātus cilvēkus; ja tukšs — nē."),
    ];

    public static readonly Column[] Ties =
    [
        new("source", "avots", "One end: the row's externalId or id, or a name unique among the resources (required).", "Viens gals: rindas ārējais id vai id, vai unikāls resursa nosaukums (obligāts).", "source_organization_id"),
        new("target", "mērķis", "The other end, written the same way (required).", "Otrs gals, rakstīts tāpat (obligāts).", "target_organization_id"),
        new("type", "veids", "cooperation, membership, funding … or sadarbība, dalība, finansējums … (required).", "sadarbība, dalība, finansējums … (obligāts)."),
        new("strength", "stiprums", "1 (weak) to 5 (strong); 3 when empty.", "No 1 (vāja) līdz 5 (stipra); ja tukšs — 3."),
        new("directed", "virzīta", "yes when it goes from source to target only (jā/nē); no when empty.", "jā, ja tā ir tikai no avota uz mērķi; ja tukšs — nē."),
        new("since", "no", "First day (2024-05-01 or 01.05.2024).", "Pirmā diena (2024-05-01 vai 01.05.2024)."),
        new("until", "līdz", "Last day, when it ended.", "Pēdējā diena, ja saite beigusies."),
        new("note", "piezīme", "Anything to remember about it.", "Piezīmes."),
    ];

    public static readonly Column[] Activities =
    [
        new("id", "id", "ResourceMap's id: filled in by an export; leave it as it is, empty for new rows.", "ResourceMap id: to aizpilda eksports; nemainiet, jaunām rindām atstājiet tukšu."),
        new("externalId", "ārējais id", "Your own key for the row (optional, unique): importing again updates the activity it names.", "Jūsu atslēga rindai (nav obligāta, unikāla): importējot vēlreiz, tiek atjaunota tā pati aktivitāte."),
        new("name", "nosaukums", "The activity's name (required).", "Aktivitātes nosaukums (obligāts)."),
        new("kind", "veids", "meeting, workshop, festival, regular class, discussion … or tikšanās, darbnīca, svētki, regulāra nodarbība, diskusija … (required).", "tikšanās, darbnīca, svētki, regulāra nodarbība, diskusija … (obligāts)."),
        new("startsOn", "sākums", "The (first) day (2022-11-10 or 10.11.2022; required).", "Diena vai pirmā diena (2022-11-10 vai 10.11.2022; obligāta)."),
        new("endsOn", "beigas", "The last day: of a festival of several days, or of a recurring activity.", "Pēdējā diena: vairāku dienu svētkiem vai regulārai aktivitātei."),
        new("recurrence", "atkārtojas", "once, weekly or monthly (vienreiz, katru nedēļu, katru mēnesi); once when empty.", "vienreiz, katru nedēļu vai katru mēnesi; ja tukšs — vienreiz."),
        new("venue", "vieta", "The resource it is held at: its externalId, id or name.", "Resurss, kurā tā notiek: tā ārējais id, id vai nosaukums."),
        new("area", "teritorija", "The name of an existing area; the venue's area when empty.", "Esošas teritorijas nosaukums; ja tukšs — vietas teritorija."),
        new("organisers", "rīkotāji", "The resources that organised it, separated by ; (externalIds, ids or names).", "Resursi, kas to rīkoja, atdalot ar ; (ārējie id, id vai nosaukumi)."),
        new("partners", "partneri", "The resources that helped, separated by ;.", "Resursi, kas palīdzēja, atdalot ar ;."),
        new("participants", "dalībnieki", "The resources that took part, separated by ;.", "Resursi, kas piedalījās, atdalot ar ;."),
        new("attendance", "apmeklējums", "How many people came, by target group: total: 23; seniors: 15 (numbers only, never names).", "Cik cilvēku atnāca pa mērķa grupām: total: 23; seniors: 15 (tikai skaitļi, nekad vārdi)."),
        new("sensitive", "sensitīvs", "yes when it reveals vulnerable people (jā/nē); no when empty.", "jā, ja tā atklāj neaizsargātus cilvēkus; ja tukšs — nē."),
        new("note", "piezīme", "Anything to remember about it.", "Piezīmes."),
    ];

    /// <summary>The column a header names (English or Latvian), or null.</summary>
    public static Column? Find(IEnumerable<Column> columns, string header)
    {
        var key = Key(header);
        return columns.FirstOrDefault(c => Key(c.Name) == key || Key(c.Latvian) == key || c.Hsds is not null && Key(c.Hsds) == key);
    }

    /// <summary>A word folded for comparison: lower case, no diacritics, no spaces, underscores or hyphens.</summary>
    public static string Key(string word) =>
        new(TextFolding.Fold(word).Where(c => c is not (' ' or '_' or '-')).ToArray());

    public static readonly IReadOnlyDictionary<ResourceKind, string> KindsInLatvian = new Dictionary<ResourceKind, string>
    {
        [ResourceKind.Association] = "biedrība", [ResourceKind.School] = "skola", [ResourceKind.Kindergarten] = "bērnudārzs",
        [ResourceKind.DayCentre] = "dienas centrs", [ResourceKind.SocialService] = "sociālais dienests", [ResourceKind.Municipality] = "pašvaldība",
        [ResourceKind.CultureHouse] = "kultūras nams", [ResourceKind.SportsCentre] = "sporta centrs", [ResourceKind.ArtSpace] = "mākslas telpa",
        [ResourceKind.Library] = "bibliotēka", [ResourceKind.FaithGroup] = "draudze", [ResourceKind.Business] = "uzņēmums",
        [ResourceKind.InformalGroup] = "neformāla grupa", [ResourceKind.Volunteer] = "brīvprātīgais", [ResourceKind.CommunityLeader] = "kopienas līderis",
        [ResourceKind.Other] = "cits",
    };

    public static readonly IReadOnlyDictionary<RelationshipType, string> TypesInLatvian = new Dictionary<RelationshipType, string>
    {
        [RelationshipType.Cooperation] = "sadarbība", [RelationshipType.Membership] = "dalība", [RelationshipType.Funding] = "finansējums",
        [RelationshipType.Referral] = "nosūtīšana", [RelationshipType.Volunteering] = "brīvprātīgais darbs", [RelationshipType.SharedActivity] = "kopīgs pasākums",
        [RelationshipType.InformationChannel] = "informācijas kanāls", [RelationshipType.Mentoring] = "mentorings", [RelationshipType.Venue] = "telpas",
    };

    public static readonly IReadOnlyDictionary<ResourceStatus, string> StatusesInLatvian = new Dictionary<ResourceStatus, string>
    {
        [ResourceStatus.Active] = "darbojas", [ResourceStatus.Dormant] = "neaktīvs", [ResourceStatus.Closed] = "slēgts",
    };

    public static readonly IReadOnlyDictionary<ActivityKind, string> ActivityKindsInLatvian = new Dictionary<ActivityKind, string>
    {
        [ActivityKind.Meeting] = "tikšanās", [ActivityKind.Workshop] = "darbnīca", [ActivityKind.Festival] = "svētki",
        [ActivityKind.RegularClass] = "regulāra nodarbība", [ActivityKind.Discussion] = "diskusija", [ActivityKind.Campaign] = "kampaņa",
        [ActivityKind.Training] = "apmācības", [ActivityKind.Excursion] = "ekskursija", [ActivityKind.Other] = "cits",
    };

    public static readonly IReadOnlyDictionary<ActivityRecurrence, string> RecurrencesInLatvian = new Dictionary<ActivityRecurrence, string>
    {
        [ActivityRecurrence.Once] = "vienreiz", [ActivityRecurrence.Weekly] = "katru nedēļu", [ActivityRecurrence.Monthly] = "katru mēnesi",
    };

    /// <summary>A value's words: the enum's name in English words ("day centre", with "center" too) and in Latvian.</summary>
    public static string English<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));

    /// <summary>The enum value a word names in English or Latvian, or as the API's code (DAY_CENTRE); null when none.</summary>
    public static T? Parse<T>(string word, IReadOnlyDictionary<T, string> latvian) where T : struct, Enum
    {
        var key = Key(word);
        foreach (var value in Enum.GetValues<T>())
            if (Key(English(value)) == key || Key(latvian[value]) == key || Key(English(value)).Replace("centre", "center") == key)
                return value;
        return null;
    }

    /// <summary>A value as the template writes it: Latvian words, or English ones ("day centre").</summary>
    public static string Word(ResourceKind kind, bool latvian) => latvian ? KindsInLatvian[kind] : English(kind);
    public static string Word(ResourceStatus status, bool latvian) => latvian ? StatusesInLatvian[status] : English(status);
    public static string Word(RelationshipType type, bool latvian) => latvian ? TypesInLatvian[type] : English(type);
    public static string Word(ActivityKind kind, bool latvian) => latvian ? ActivityKindsInLatvian[kind] : English(kind);
    public static string Word(ActivityRecurrence recurrence, bool latvian) => latvian ? RecurrencesInLatvian[recurrence] : English(recurrence);
    public static string Word(bool yes, bool latvian) => (yes, latvian) switch { (true, true) => "jā", (false, true) => "nē", (true, false) => "yes", _ => "no" };

    /// <summary>yes/no, jā/nē, true/false, 1/0; null when the word is none of them.</summary>
    public static bool? ParseYesNo(string word) => Key(word) switch
    {
        "yes" or "ja" or "true" or "1" or "y" or "j" => true,
        "no" or "ne" or "false" or "0" or "n" => false,
        _ => null,
    };
}
