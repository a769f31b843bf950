using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using ResourceMap.Persistence.Model;
using static ResourceMap.Persistence.Model.RelationshipType;
using static ResourceMap.Persistence.Model.ResourceKind;

namespace ResourceMap.Persistence.Demo;

/// <summary>
/// A demo network built from the seed news items on the pilot "Sociālais darbs kopienā" (Cēsu novads and Daugavpils, 2022–2023).
/// Coordinates, boundaries and population counts are approximate and flagged so. People appear only as roles, with no
/// contact details. The structure is deliberate: one main network joined through the ministry, the Zosēni group tied only
/// to itself (the "forgotten periphery" of seed 004), a few actors with no ties, and actors that alone join two parts.
/// </summary>
public static class DemoData
{
    public static async Task LoadAsync(ResourceMapDbContext db, CancellationToken cancellationToken = default)
    {
        var set = Build();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Areas.AddRange(set.Areas);
        db.Resources.AddRange(set.Resources);
        db.Relationships.AddRange(set.Relationships);
        await db.SaveChangesAsync(cancellationToken);
        // Activities and introductions name resources and ties by id: saved once those have theirs.
        foreach (var demo in set.Activities)
        {
            demo.Activity.VenueId = demo.Venue?.Id;
            demo.Activity.AreaId ??= demo.Venue?.AreaId;
            demo.Activity.Participants = demo.Participants.Select(p => new ActivityParticipant(p.Resource.Id, p.Role)).OrderBy(p => p.Role).ToList();
            db.Activities.Add(demo.Activity);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var demo in set.Introductions)
        {
            demo.Introduction.FirstId = demo.First.Id;
            demo.Introduction.SecondId = demo.Second.Id;
            demo.Introduction.ActivityId = demo.At?.Activity.Id;
            demo.Introduction.RelationshipId = demo.Tie?.Id;
            db.Introductions.Add(demo.Introduction);
        }
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public sealed record DemoSet(List<Area> Areas, List<Resource> Resources, List<Relationship> Relationships, List<DemoActivity> Activities, List<DemoIntroduction> Introductions);

    /// <summary>An activity with the resources it names (their ids are known once they are saved).</summary>
    public sealed record DemoActivity(Activity Activity, Resource? Venue, IReadOnlyList<(Resource Resource, ParticipantRole Role)> Participants);

    /// <summary>An introduction with the resources, activity and tie it names.</summary>
    public sealed record DemoIntroduction(Introduction Introduction, Resource First, Resource Second, DemoActivity? At, Relationship? Tie);

    public static DemoSet Build()
    {
        var areas = new List<Area>();
        Area AddArea(string name, AreaKind kind, Area? parent, double lat, double lon, double halfSizeKm, params (string Group, int Count)[] population)
        {
            var area = new Area
            {
                Name = name, Kind = kind, Parent = parent, Approximate = true,
                Boundary = halfSizeKm > 0 ? Square(lat, lon, halfSizeKm) : null,
                Population = population.Select(p => new AreaPopulation { TargetGroup = p.Group, Count = p.Count }).ToList(),
            };
            areas.Add(area);
            return area;
        }

        var latvia = AddArea("Latvija", AreaKind.Country, null, 0, 0, 0);
        var cesuNovads = AddArea("Cēsu novads", AreaKind.Municipality, latvia, 0, 0, 0, ("total", 41000), ("seniors", 9500));
        var cesis = AddArea("Cēsis", AreaKind.City, cesuNovads, 57.3119, 25.2700, 2.5, ("total", 15000), ("seniors", 3600), ("youth", 2200));
        var priekuli = AddArea("Priekuļu pagasts", AreaKind.Parish, cesuNovads, 57.3150, 25.3560, 2.5, ("total", 6000), ("seniors", 1300), ("youth", 900));
        var zoseni = AddArea("Zosēnu pagasts", AreaKind.Parish, cesuNovads, 57.1400, 25.9000, 5, ("total", 328), ("seniors", 95), ("youth", 40));
        var daugavpils = AddArea("Daugavpils", AreaKind.City, latvia, 0, 0, 0, ("total", 79000), ("seniors", 19000));
        var centrs = AddArea("Centrs", AreaKind.Neighbourhood, daugavpils, 55.8720, 26.5200, 1.2, ("total", 14000), ("seniors", 3500));
        var krizi = AddArea("Križi", AreaKind.Neighbourhood, daugavpils, 55.8770, 26.5850, 1.0, ("total", 6500), ("seniors", 1900), ("families-of-children-with-disabilities", 30));
        var cietoksnis = AddArea("Cietoksnis", AreaKind.Neighbourhood, daugavpils, 55.8980, 26.4920, 0.9, ("total", 2500), ("seniors", 600));
        var kimija = AddArea("Ķīmija", AreaKind.Neighbourhood, daugavpils, 55.8960, 26.6000, 1.0, ("total", 12000), ("seniors", 3100));
        var mezciems = AddArea("Mežciems", AreaKind.Neighbourhood, daugavpils, 55.8860, 26.6500, 1.1, ("total", 7000), ("seniors", 1500));
        // A municipality's or city's approximate boundary is the union of its parts: a MultiPolygon where they do not touch.
        cesuNovads.Boundary = Union(cesis, priekuli, zoseni);
        daugavpils.Boundary = Union(centrs, krizi, cietoksnis, kimija, mezciems);
        var riga = AddArea("Rīga", AreaKind.City, latvia, 56.9496, 24.1052, 6, ("total", 605000), ("seniors", 140000));

        var resources = new List<Resource>();
        Resource Add(string name, ResourceKind kind, Area? area, double? lat, double? lon, string description,
            string[]? groups = null, string[]? offers = null, string[]? needs = null, string[]? languages = null,
            string? address = null, string? web = null)
        {
            var r = new Resource
            {
                Name = name, Kind = kind, Area = area, Latitude = lat, Longitude = lon, LocationApproximate = lat is not null,
                Description = description, Address = address, ContactWeb = web,
                TargetGroups = [.. groups ?? []], Offers = [.. offers ?? []], Needs = [.. needs ?? []], Languages = [.. languages ?? ["lv"]],
            };
            resources.Add(r);
            return r;
        }

        // National level: the ministry runs the pilot in both municipalities and is the only link between them.
        var ministry = Add("Labklājības ministrija", Municipality, riga, 56.9510, 24.1190, "Ministry of Welfare; runs the pilot project \"Sociālais darbs kopienā\" (ESF 9.2.1.1/15/I/001).", ["all"], ["methodology", "project funding"], address: "Skolas iela 28, Rīga", web: "https://www.lm.gov.lv");
        var iic = Add("Izglītības iniciatīvu centrs", Association, riga, 56.9560, 24.1100, "Education Initiatives Centre; runs the grant programme \"Darbīgās kopienas Latgalē-2023\".", ["all"], ["project funding", "grant programme"]);

        // Cēsu novads.
        var cesuDome = Add("Cēsu novada dome", Municipality, cesis, 57.3128, 25.2747, "County council; joined the pilot on 11 August 2022.", ["all"], ["municipal NGO co-financing"], address: "Raunas iela 4, Cēsis", web: "https://www.cesunovads.lv");
        var cesuSocial = Add("Cēsu novada Sociālais dienests", SocialService, cesis, 57.3105, 25.2695, "The county's Social Service.", ["seniors", "families-of-children-with-disabilities", "unemployed"], ["social work", "social assistance"], address: "Cēsis");
        var cesuWorker = Add("Kopienas sociālais darbinieks (Cēsu novads)", SocialService, cesis, 57.3108, 25.2702, "The county's community social worker (a role, not a named person).", ["all"], ["community organising", "needs assessment"]);
        var cesuSchool2 = Add("Cēsu 2. pamatskola", School, cesis, 57.3090, 25.2620, "Primary school; its hall hosted the discussion \"Nojaucam žogus\" on 5 September.", ["children", "youth"], ["venue"], address: "Gaujas iela 45, Cēsis");
        var mala = Add("Mākslas telpa \"Mala\"", ArtSpace, cesis, 57.3125, 25.2705, "Art space in Cēsis.", ["youth", "all"], ["art workshops", "venue"]);
        var udenszimes = Add("Biedrība \"Ūdenszīmes\"", Association, latvia, 56.2050, 25.3100, "Association; runs the community network \"Sēlijas salas\".", ["all"], ["community networking", "cultural events"]);
        var selijasSalas = Add("Kopienu tīkls \"Sēlijas salas\"", InformalGroup, latvia, null, null, "Community network of \"Ūdenszīmes\" across Sēlija.", ["all"], ["community networking"]);
        var cesuLibrary = Add("Cēsu Centrālā bibliotēka", Library, cesis, 57.3140, 25.2690, "Central library of Cēsis.", ["all", "seniors"], ["computer skills", "venue"], ["lv", "ru"]);
        var cesuYouth = Add("Cēsu Bērnu un jauniešu centrs", Other, cesis, 57.3100, 25.2750, "Children and youth centre.", ["youth", "children"], ["youth activities"]);
        var cesuPensioners = Add("Cēsu novada pensionāru biedrība", Association, cesis, 57.3115, 25.2730, "Pensioners' association of the county.", ["seniors"], ["seniors' clubs"], ["social media training", "transport"]);
        var cesuSports = Add("Cēsu sporta skola", SportsCentre, cesis, 57.3060, 25.2800, "Sports school; not yet part of the network.", ["children", "youth"], ["sports training", "venue"]);
        var priekuluSchool = Add("Priekuļu vidusskola", School, priekuli, 57.3150, 25.3560, "Secondary school; its hall hosted the intergenerational think-tank \"Vēlās brokastis ar savējiem\" on 10 November.", ["youth", "children"], ["venue"], address: "Cēsu prospekts 46, Priekuļi");
        var priekuluPupils = Add("Priekuļu vidusskolas 12. klašu skolēni", InformalGroup, priekuli, 57.3152, 25.3565, "12th-grade pupils who taught seniors social networks.", ["youth"], ["social media training", "computer skills"], ["card-making", "dance lessons"]);
        var priekuluSeniors = Add("Priekuļu pagasta seniori", InformalGroup, priekuli, 57.3170, 25.3600, "Seniors of the parish; made cards for lonely seniors of the county and taught dance steps.", ["seniors"], ["card-making", "dance lessons"], ["social media training"]);
        var mentor = Add("Kopienu veidotāja un mentore (Priekuļi)", CommunityLeader, priekuli, 57.3160, 25.3540, "Community builder and mentor who led the think-tank (a role, not a named person).", ["all"], ["mentoring", "facilitation"]);
        var priekuluLibrary = Add("Priekuļu bibliotēka", Library, priekuli, 57.3140, 25.3580, "Parish library; not yet part of the network.", ["all", "seniors"], ["computer skills", "venue"]);
        var zosenuCulture = Add("Zosēnu kultūras nams", CultureHouse, zoseni, 57.1400, 25.9000, "Culture house of Zosēni parish.", ["all"], ["venue", "cultural events"], ["meeting place"]);
        var zosenuWhatsApp = Add("Zosēnu iedzīvotāju WhatsApp grupa", InformalGroup, zoseni, null, null, "105 of the parish's 328 residents are in this group.", ["all"], ["information channel"], ["meeting place"]);
        zosenuWhatsApp.AudienceCount = 105; // of 328 residents (seed 004): its reach is 32 %
        zosenuWhatsApp.AudienceTargetGroup = "total";
        var zosenuFestival = Add("Zosēnu rudens svētku rīkotāji", InformalGroup, zoseni, 57.1420, 25.9030, "Residents who run the autumn festival themselves: market, sports, parade, karaoke, young talents concert.", ["all"], ["event organising"], ["funding", "meeting place"]);
        var zosenuTalents = Add("Zosēnu jaunie talanti", InformalGroup, zoseni, 57.1390, 25.8980, "Young performers of the parish's talents concert.", ["youth"], ["performances"], ["rehearsal space", "mentoring"]);

        // Daugavpils.
        var dgvCouncil = Add("Daugavpils valstspilsētas pašvaldība", Municipality, centrs, 55.8714, 26.5161, "City council; its committee deputies took part in the neighbourhood meetings.", ["all"], ["municipal NGO co-financing"], ["lv", "ru"], address: "Krišjāņa Valdemāra iela 1, Daugavpils", web: "https://www.daugavpils.lv");
        var dgvSocial = Add("Daugavpils pilsētas Sociālais dienests", SocialService, centrs, 55.8745, 26.5190, "The city's Social Service; two of its social workers tested community social work from 28 November 2022 to 31 May 2023.", ["seniors", "families-of-children-with-disabilities"], ["social work", "social assistance"], ["lv", "ru"]);
        var dgvWorker = Add("Kopienas sociālais darbinieks (Daugavpils)", SocialService, centrs, 55.8748, 26.5195, "Community social worker of the pilot (a role, not a named person).", ["seniors", "families-of-children-with-disabilities"], ["community organising", "needs assessment"], ["lv", "ru"]);
        var draudziba = Add("Senioru biedrība \"Draudzība-K\"", Association, krizi, 55.8775, 26.5860, "Seniors' association of Križi, revived in the pilot: new statutes, registration, a bank account, two project applications.", ["seniors"], ["seniors' activities"], ["computer skills", "Latvian language", "project funding"], ["ru", "lv"]);
        var saskarsme = Add("Dienas centrs \"Saskarsme\"", DayCentre, krizi, 55.8790, 26.5800, "Day centre; hosts presentations, weekly Qigong classes led by its culture organiser, and meetings of neighbourhood leaders.", ["seniors", "all"], ["Qigong classes", "venue", "presentations"], ["lv", "ru"]);
        var kriziLeader = Add("Križu apkaimes līderis", CommunityLeader, krizi, 55.8765, 26.5870, "Neighbourhood leader of Križi (a role).", ["all"], ["local knowledge"], languages: ["ru", "lv"]);
        var cietoksnisLeader = Add("Cietokšņa apkaimes līderis", CommunityLeader, cietoksnis, 55.8985, 26.4930, "Neighbourhood leader of Cietoksnis (a role).", ["all"], ["local knowledge"], languages: ["ru", "lv"]);
        var kimijaLeader = Add("Ķīmijas apkaimes līderis", CommunityLeader, kimija, 55.8965, 26.6010, "Neighbourhood leader of Ķīmija (a role).", ["all"], ["local knowledge"], languages: ["ru", "lv"]);
        var mezciemsLeader = Add("Mežciema apkaimes līderis", CommunityLeader, mezciems, 55.8865, 26.6510, "Neighbourhood leader of Mežciems (a role).", ["all"], ["local knowledge"], languages: ["ru", "lv"]);
        var varaviksne = Add("Biedrība \"Varavīksne\"", Association, centrs, 55.8730, 26.5230, "NGO taking part in the neighbourhood leaders' meetings.", ["all"], ["volunteering"], languages: ["ru", "lv"]);
        var dgvMentor = Add("Mentors (Daugavpils)", Volunteer, centrs, 55.8725, 26.5210, "Mentor supporting the neighbourhood leaders (a role, not a named person).", ["all"], ["mentoring"], languages: ["ru", "lv"]);
        var preschool = Add("Križu pirmsskolas izglītības iestāde", Kindergarten, krizi, 55.8755, 26.5830, "Preschool whose children's drawings the seniors exhibited.", ["children"], ["children's exhibitions"], languages: ["lv", "ru"]);
        var dgvLibrary = Add("Latgales Centrālā bibliotēka", Library, centrs, 55.8735, 26.5170, "Central library; runs computer courses.", ["all", "seniors"], ["computer skills", "Latvian language"], languages: ["lv", "ru"]);
        var familiesLeader = Add("Bērnu ar invaliditāti ģimeņu kopienas līdere", CommunityLeader, krizi, 55.8780, 26.5880, "Leader of the community of families of children with disabilities (a role).", ["families-of-children-with-disabilities"], ["peer support"]);
        var familiesWhatsApp = Add("Bērnu ar invaliditāti ģimeņu WhatsApp grupa", InformalGroup, daugavpils, null, null, "Information channel of the families of children with disabilities.", ["families-of-children-with-disabilities"], ["information channel"], ["leisure activities", "respite care"]);
        // It reveals families in a vulnerable situation: only Daugavpils' own viewers and workers (and admins) see it.
        familiesWhatsApp.Sensitive = true;
        var forte = Add("Latgales reģiona invalīdu biedrība \"FORTE\"", Association, centrs, 55.8700, 26.5250, "Latgale association of people with disabilities, activated in the pilot (website, Facebook page); photo exhibition with children with autism.", ["people-with-disabilities", "families-of-children-with-disabilities"], ["peer support", "exhibitions"], ["volunteers"]);
        var olimpiskais = Add("Daugavpils Olimpiskais centrs", SportsCentre, centrs, 55.8690, 26.5350, "Sports centre; free pool sessions for 13 families from 19 February 2023.", ["all", "families-of-children-with-disabilities"], ["swimming pool", "sports"], languages: ["lv", "ru"]);
        var kimijaLibrary = Add("Ķīmijas mikrorajona bibliotēka", Library, kimija, 55.8950, 26.6020, "Branch library; not yet part of the network.", ["all", "seniors"], ["computer skills", "reading room"], languages: ["lv", "ru"]);
        var kriziParish = Add("Križu draudze", FaithGroup, krizi, 55.8800, 26.5900, "Congregation in Križi; not yet part of the network.", ["all", "seniors"], ["volunteers", "venue"], languages: ["ru", "lv"]);
        var cietoksnisCulture = Add("Daugavpils cietokšņa kultūras un informācijas centrs", CultureHouse, cietoksnis, 55.8990, 26.4900, "Culture and information centre in the fortress.", ["all"], ["venue", "cultural events"], languages: ["lv", "ru"]);
        var mezciemsSchool = Add("Mežciema pamatskola", School, mezciems, 55.8870, 26.6480, "Primary school of Mežciems.", ["children", "youth"], ["venue"], ["volunteers"], ["lv", "ru"]);

        var ties = new List<Relationship>();
        void Tie(Resource a, Resource b, RelationshipType type, int strength, string? since = null, string? until = null, bool directed = false, string? note = null) =>
            ties.Add(new Relationship
            {
                Source = a, Target = b, Type = type, Strength = strength, Directed = directed, Note = note,
                Since = since is null ? null : DateOnly.Parse(since), Until = until is null ? null : DateOnly.Parse(until),
            });

        // The ministry is the only link between the two municipalities: without it Cēsu novads and Daugavpils fall apart.
        Tie(ministry, cesuDome, Funding, 4, "2022-08-11", "2023-05-31", directed: true, note: "Pilot project agreement.");
        Tie(ministry, dgvCouncil, Funding, 4, "2022-11-28", "2023-05-31", directed: true, note: "Pilot project agreement.");
        // The pilot's funding ended on 31 May 2023; the ministry's support of the method goes on.
        Tie(ministry, cesuSocial, Mentoring, 3, "2022-09-01", directed: true, note: "Methodology support.");
        Tie(ministry, dgvSocial, Mentoring, 3, "2022-11-28", directed: true, note: "Methodology support; study visit to Graz and Slovenia.");

        // Cēsu novads.
        Tie(cesuDome, cesuSocial, Cooperation, 5, "2015-01-01");
        Tie(cesuSocial, cesuWorker, Membership, 5, "2022-09-01");
        Tie(cesuDome, cesuWorker, Cooperation, 3, "2022-09-01");
        Tie(cesuWorker, cesuSchool2, Venue, 2, "2023-09-05", "2023-09-05", note: "Discussion \"Nojaucam žogus\" in the school hall.");
        Tie(cesuWorker, udenszimes, SharedActivity, 2, "2023-09-05", note: "Panel of \"Nojaucam žogus\".");
        Tie(cesuWorker, mala, SharedActivity, 2, "2023-09-05", note: "Panel of \"Nojaucam žogus\".");
        Tie(cesuDome, mala, Funding, 2, "2021-03-01", directed: true);
        Tie(udenszimes, selijasSalas, Membership, 5, "2019-01-01", note: "\"Ūdenszīmes\" runs the network.");
        Tie(cesuDome, cesuLibrary, Funding, 4, "2010-01-01", directed: true);
        Tie(cesuLibrary, mala, SharedActivity, 2, "2022-03-01");
        Tie(cesuDome, cesuYouth, Funding, 4, "2012-01-01", directed: true);
        Tie(cesuYouth, cesuSchool2, Cooperation, 3, "2018-09-01");
        Tie(cesuSocial, cesuPensioners, Cooperation, 3, "2016-01-01");
        Tie(cesuPensioners, cesuLibrary, SharedActivity, 2, "2019-10-01");
        Tie(cesuDome, priekuluSchool, Funding, 4, "2021-07-01", directed: true);
        Tie(priekuluSchool, priekuluPupils, Membership, 5, "2020-09-01");
        Tie(cesuWorker, mentor, Cooperation, 4, "2022-10-01");
        Tie(mentor, priekuluSchool, SharedActivity, 3, "2023-11-10", note: "Think-tank \"Vēlās brokastis ar savējiem\".");
        Tie(mentor, priekuluSeniors, Mentoring, 3, "2022-10-15", directed: true);
        Tie(priekuluPupils, priekuluSeniors, SharedActivity, 4, "2023-11-10", note: "Pupils teach social networks; seniors teach card-making and dance steps.");
        Tie(priekuluSeniors, cesuPensioners, Membership, 2, "2023-02-01");
        Tie(priekuluSeniors, cesuSocial, Referral, 2, "2022-12-01", directed: true, note: "Cards for lonely seniors of the county.");
        Tie(cesuDome, cesuPensioners, Funding, 2, "2018-01-01", directed: true);

        // Zosēni: lively inside, tied to nothing outside — the group the worker should reach.
        Tie(zosenuWhatsApp, zosenuFestival, InformationChannel, 5, "2021-06-01");
        Tie(zosenuFestival, zosenuCulture, Venue, 4, "2021-09-01");
        Tie(zosenuFestival, zosenuTalents, SharedActivity, 4, "2023-09-16", note: "Young talents concert at the autumn festival.");
        Tie(zosenuWhatsApp, zosenuCulture, InformationChannel, 3, "2021-06-01");
        Tie(zosenuTalents, zosenuCulture, Venue, 3, "2022-01-01");

        // Daugavpils: the city services.
        Tie(dgvCouncil, dgvSocial, Cooperation, 5, "2010-01-01");
        Tie(dgvSocial, dgvWorker, Membership, 5, "2022-11-28");
        Tie(dgvCouncil, dgvLibrary, Funding, 4, "2010-01-01", directed: true);
        Tie(dgvCouncil, olimpiskais, Funding, 4, "2010-01-01", directed: true);
        Tie(dgvCouncil, cietoksnisCulture, Funding, 4, "2012-01-01", directed: true);
        Tie(dgvCouncil, mezciemsSchool, Funding, 4, "2010-01-01", directed: true);
        Tie(dgvSocial, saskarsme, Cooperation, 5, "2014-01-01");

        // Križi seniors: the worker draws active seniors, leaders and NGOs together around "Saskarsme".
        Tie(dgvWorker, draudziba, Mentoring, 4, "2022-12-05", directed: true, note: "New statutes, registration, bank account.");
        Tie(saskarsme, draudziba, Venue, 4, "2023-01-10", note: "Weekly Qigong classes.");
        Tie(dgvWorker, kriziLeader, Cooperation, 3, "2023-01-20");
        Tie(kriziLeader, draudziba, Membership, 3, "2023-02-01");
        Tie(saskarsme, kriziLeader, SharedActivity, 2, "2023-03-15", note: "Neighbourhood leaders' meeting.");
        Tie(saskarsme, cietoksnisLeader, SharedActivity, 2, "2023-03-15", note: "Neighbourhood leaders' meeting.");
        Tie(saskarsme, kimijaLeader, SharedActivity, 2, "2023-03-15", note: "Neighbourhood leaders' meeting.");
        Tie(saskarsme, mezciemsLeader, SharedActivity, 2, "2023-03-15", note: "Neighbourhood leaders' meeting.");
        Tie(saskarsme, varaviksne, SharedActivity, 2, "2023-03-15", note: "Neighbourhood leaders' meeting.");
        Tie(saskarsme, dgvMentor, SharedActivity, 2, "2023-03-15", note: "Neighbourhood leaders' meeting.");
        Tie(dgvMentor, kriziLeader, Mentoring, 3, "2023-03-15", directed: true);
        Tie(cietoksnisLeader, cietoksnisCulture, Venue, 3, "2020-01-01");
        Tie(mezciemsLeader, mezciemsSchool, Volunteering, 2, "2021-09-01");
        Tie(draudziba, preschool, SharedActivity, 3, "2023-04-01", note: "Exhibition of children's drawings.");
        Tie(draudziba, dgvCouncil, Funding, 2, "2023-04-15", directed: true, note: "Application for municipal NGO co-financing.");
        Tie(iic, draudziba, Funding, 2, "2023-04-20", directed: true, note: "Application to \"Darbīgās kopienas Latgalē-2023\".");
        Tie(varaviksne, dgvCouncil, Funding, 2, "2019-01-01", directed: true);
        Tie(kimijaLeader, kimijaLibrary, Cooperation, 1, "2018-01-01", "2020-12-31", note: "Tie that lapsed before the pilot.");

        // Families of children with disabilities: reached only through their leader.
        Tie(dgvWorker, familiesLeader, Cooperation, 4, "2022-12-10");
        Tie(familiesLeader, familiesWhatsApp, InformationChannel, 5, "2023-01-05");
        Tie(familiesLeader, forte, Membership, 3, "2023-01-25");
        Tie(dgvWorker, forte, Mentoring, 3, "2023-01-25", directed: true, note: "Website and Facebook page.");
        Tie(forte, olimpiskais, Cooperation, 3, "2023-02-19", note: "Free pool sessions for 13 families.");
        Tie(forte, saskarsme, Venue, 2, "2023-04-02", note: "Photo exhibition with children with autism.");
        Tie(familiesLeader, saskarsme, SharedActivity, 2, "2023-03-15", note: "Neighbourhood leaders' meeting.");
        Tie(dgvSocial, forte, Referral, 3, "2017-01-01", directed: true);
        Tie(dgvSocial, dgvLibrary, Cooperation, 2, "2016-01-01");

        var activities = new List<DemoActivity>();
        DemoActivity Activity(string name, ActivityKind kind, string startsOn, Resource? venue, string note,
            (Resource, ParticipantRole)[] participants, ActivityRecurrence recurrence = ActivityRecurrence.Once, string? endsOn = null,
            (string Group, int Count)[]? attendance = null, bool sensitive = false)
        {
            var demo = new DemoActivity(new Activity
            {
                Name = name, Kind = kind, StartsOn = DateOnly.Parse(startsOn), EndsOn = endsOn is null ? null : DateOnly.Parse(endsOn),
                Recurrence = recurrence, Note = note, Sensitive = sensitive,
                Attendance = (attendance ?? []).Select(a => new Attendance(a.Group, a.Count)).ToList(),
            }, venue, participants);
            activities.Add(demo);
            return demo;
        }
        const ParticipantRole organiser = ParticipantRole.Organiser, partner = ParticipantRole.Partner, participant = ParticipantRole.Participant;

        // Cēsu novads: the campaign "Savējais savējiem!" that closed the pilot (autumn 2023, seeds 000 and 001).
        Activity("Diskusija \"Nojaucam žogus\"", ActivityKind.Discussion, "2023-09-05", cesuSchool2,
            "The first event of the campaign \"Savējais savējiem!\", 11:00–13:00 in the school hall, streamed on the ministry's Facebook page; a panel of the council, the Social Service, \"Ūdenszīmes\", \"Mala\" and the community social worker.",
            [(ministry, organiser), (cesuWorker, organiser), (cesuDome, participant), (cesuSocial, participant), (udenszimes, participant), (mala, participant)]);
        Activity("Domnīca \"Vēlās brokastis ar savējiem. Kā sadarboties paaudzēm\"", ActivityKind.Meeting, "2023-11-10", priekuluSchool,
            "Intergenerational think-tank, Friday 11:00–15:00 in the school hall: 12th-grade pupils teach seniors social networks, seniors teach card-making and dance steps; with council deputies, the Social Service, NGOs and the ministry.",
            [(mentor, organiser), (cesuWorker, organiser), (ministry, partner), (priekuluPupils, participant), (priekuluSeniors, participant), (cesuDome, participant), (cesuSocial, participant)]);
        // The seed gives no day for the festival: an approximate Saturday in September 2023.
        Activity("Zosēnu rudens svētki", ActivityKind.Festival, "2023-09-16", zosenuCulture,
            "Run by the residents themselves: market, sports, parade, karaoke and a young talents concert (the day is approximate).",
            [(zosenuFestival, organiser), (zosenuTalents, participant), (zosenuWhatsApp, participant)]);

        // Daugavpils during the pilot (28 November 2022 – 31 May 2023, seed 003).
        var presentation = Activity("Prezentācija par pilotprojektu \"Sociālais darbs kopienā\"", ActivityKind.Meeting, "2023-03-03", saskarsme,
            "The community social workers present the pilot and their study visit abroad to the Social Service's management and colleagues.",
            [(dgvWorker, organiser), (dgvSocial, participant)]);
        Activity("Cigun nodarbības Križu senioriem", ActivityKind.RegularClass, "2023-01-10", saskarsme,
            "Weekly Qigong for Križi seniors and anyone interested, led by the day centre's culture organiser, with the Social Service's support, near their homes (the first day is approximate).",
            [(saskarsme, organiser), (dgvSocial, partner), (draudziba, participant)], ActivityRecurrence.Weekly);
        var leaders = Activity("Daugavpils apkaimju aktīvistu tikšanās", ActivityKind.Meeting, "2023-03-15", saskarsme,
            "Meeting of the neighbourhood activists, motto \"Līdzdarbība un līdzatbildība\": the pilot's mentor, leaders of Križi, Cietoksnis, Ķīmija and Mežciems, \"Varavīksne\", the leader of the families' community, the community social worker and a deputy of the social committee (the day is approximate).",
            [(dgvWorker, organiser), (dgvMentor, participant), (kriziLeader, participant), (cietoksnisLeader, participant), (kimijaLeader, participant),
             (mezciemsLeader, participant), (varaviksne, participant), (familiesLeader, participant), (dgvCouncil, participant)]);
        Activity("Bezmaksas baseina nodarbības ģimenēm ar bērniem ar invaliditāti", ActivityKind.RegularClass, "2023-02-19", olimpiskais,
            "Free pool sessions with a professional coach for 13 families of the target group (project 9.2.4.2/16/I/101 with the municipality).",
            [(dgvWorker, organiser), (dgvCouncil, partner), (familiesLeader, participant), (familiesWhatsApp, participant)], ActivityRecurrence.Weekly,
            attendance: [("families-of-children-with-disabilities", 13)], sensitive: true);
        Activity("Bērnu zīmējumu izstāde", ActivityKind.Other, "2023-04-01", saskarsme,
            "The seniors of \"Draudzība-K\" exhibit the preschool children's drawings (the day and the place are approximate).",
            [(draudziba, organiser), (preschool, partner)]);
        Activity("Fotoizstāde autisma dienā", ActivityKind.Other, "2023-04-02", saskarsme,
            "Photo exhibition for World Autism Awareness Day with children with autism and a photographer.",
            [(forte, organiser), (dgvWorker, partner)]);

        // A few of the worker's introductions and what came of them (illustrative: the seeds describe the ties, not who introduced whom).
        var introductions = new List<DemoIntroduction>();
        void Introduce(Resource a, Resource b, string on, IntroductionOutcome outcome, string? outcomeOn = null, DemoActivity? at = null, Relationship? tie = null, string? note = null) =>
            introductions.Add(new DemoIntroduction(new Introduction
            {
                On = DateOnly.Parse(on), Outcome = outcome, OutcomeOn = outcomeOn is null ? null : DateOnly.Parse(outcomeOn), Note = note,
            }, a, b, at, tie));
        Relationship TieOf(Resource a, Resource b) => ties.Single(t => (t.Source == a && t.Target == b) || (t.Source == b && t.Target == a));
        Introduce(familiesLeader, forte, "2023-01-10", IntroductionOutcome.TieFormed, "2023-01-25", tie: TieOf(familiesLeader, forte));
        Introduce(forte, olimpiskais, "2023-02-01", IntroductionOutcome.TieFormed, "2023-02-19", tie: TieOf(forte, olimpiskais), note: "Led to the free pool sessions.");
        Introduce(draudziba, preschool, "2023-03-15", IntroductionOutcome.TieFormed, "2023-04-01", at: leaders, tie: TieOf(draudziba, preschool), note: "Led to the exhibition of the children's drawings.");
        Introduce(kimijaLeader, kimijaLibrary, "2023-03-15", IntroductionOutcome.Pending, at: leaders, note: "To renew the tie that lapsed in 2020.");
        Introduce(kriziParish, saskarsme, "2023-03-03", IntroductionOutcome.Declined, "2023-03-20", at: presentation);

        return new DemoSet(areas, resources, ties, activities, introductions);
    }

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static Geometry Union(params Area[] parts) =>
        NetTopologySuite.Operation.Union.UnaryUnionOp.Union(parts.Select(p => p.Boundary!).ToList());

    /// <summary>An approximate square boundary around a centre, half a side of <paramref name="halfSizeKm"/>.</summary>
    private static Polygon Square(double lat, double lon, double halfSizeKm)
    {
        var dLat = halfSizeKm / 111.32;
        var dLon = halfSizeKm / (111.32 * Math.Cos(lat * Math.PI / 180));
        return Wgs84.CreatePolygon(
        [
            new Coordinate(lon - dLon, lat - dLat), new Coordinate(lon + dLon, lat - dLat),
            new Coordinate(lon + dLon, lat + dLat), new Coordinate(lon - dLon, lat + dLat),
            new Coordinate(lon - dLon, lat - dLat),
        ]);
    }
}
