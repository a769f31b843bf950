using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Activities;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Resources;

/// <summary>
/// Applies a create or update input to a resource, checking every rule first-to-last; the caller saves only when this
/// returns, so a broken input never reaches the database.
/// </summary>
public static partial class ResourceRules
{
    public const int MaxTags = 50;
    public const int MaxTagLength = 100;

    public static async Task ApplyAsync(ResourceMapDbContext db, Geo.SpatialLoader spatial, InputFields input, Resource resource, bool creating, CancellationToken ct)
    {
        if (creating || input.Has("name")) resource.Name = TextRules.Required(input.String("name"), "name", ResourceMapDbContext.MaxNameLength);
        if (creating || input.Has("kind"))
            resource.Kind = input.Raw("kind") as ResourceKind? ?? throw UserError.BadInput("'kind' must not be null.", "kind");
        if (input.Has("description")) resource.Description = TextRules.Optional(input.String("description"), "description", ResourceMapDbContext.MaxTextLength, multiline: true);
        if (input.Has("address")) resource.Address = TextRules.Optional(input.String("address"), "address", ResourceMapDbContext.MaxNameLength);
        if (input.Has("status"))
            resource.Status = input.Raw("status") as ResourceStatus? ?? throw UserError.BadInput("'status' must not be null.", "status");
        if (input.Has("audienceCount")) resource.AudienceCount = Reach.Count(input.Value<int>("audienceCount"), "audienceCount");
        if (input.Has("audienceTargetGroup")) resource.AudienceTargetGroup = Reach.TargetGroup(input.String("audienceTargetGroup"), "audienceTargetGroup");
        if (input.Has("sensitive")) resource.Sensitive = input.Value<bool>("sensitive") ?? false;
        if (input.Has("locationApproximate")) resource.LocationApproximate = input.Value<bool>("locationApproximate") ?? false;

        if (input.Has("latitude")) resource.Latitude = input.Value<double>("latitude");
        if (input.Has("longitude")) resource.Longitude = input.Value<double>("longitude");
        if (resource.Latitude is null != resource.Longitude is null)
            throw UserError.BadInput("Give both 'latitude' and 'longitude', or neither.", resource.Latitude is null ? "latitude" : "longitude");
        if (resource.Latitude is { } lat && resource.Longitude is { } lon) Coordinates.Check(lat, lon, "location");

        if (input.Has("targetGroups")) resource.TargetGroups = Tags(input.Strings("targetGroups"), "targetGroups", lowerCase: true);
        if (input.Has("offers")) resource.Offers = Tags(input.Strings("offers"), "offers", lowerCase: false);
        if (input.Has("needs")) resource.Needs = Tags(input.Strings("needs"), "needs", lowerCase: false);
        if (input.Has("languages"))
        {
            resource.Languages = Tags(input.Strings("languages"), "languages", lowerCase: true);
            if (resource.Languages.FirstOrDefault(l => !LanguageCode().IsMatch(l)) is { } bad)
                throw UserError.BadInput($"'{bad}' is not an ISO 639 language code such as lv, ru or en.", "languages");
        }

        if (input.Has("contact"))
        {
            var contact = input.Object("contact");
            resource.ContactWeb = Web(contact?.String("web"));
            resource.ContactEmail = Email(contact?.String("email"));
            resource.ContactPhone = Phone(contact?.String("phone"));
        }

        if (input.Has("areaId")) resource.AreaId = await AreaAsync(db, input.String("areaId"), ct);
        else if ((creating || input.Has("latitude")) && resource.Latitude is { } latitude && resource.Longitude is { } longitude &&
                 (await spatial.CurrentAsync(ct)).AreasAt(latitude, longitude).FirstOrDefault() is { } area)
        {
            // A point placed without an area belongs to the most specific area holding it, as areaAt answers, so that
            // the rights of that area's municipality apply (a point in no boundary keeps the area it had).
            resource.AreaId = area.Id;
        }
    }

    /// <summary>The key of the area an input's <c>areaId</c> names; null for null; <c>NOT_FOUND</c> when there is none.</summary>
    public static async Task<int?> AreaAsync(ResourceMapDbContext db, string? areaId, CancellationToken ct)
    {
        if (areaId is null) return null;
        var key = GlobalId.Decode(areaId, GlobalId.Area, "areaId");
        return await db.Areas.AnyAsync(a => a.Id == key, ct) ? key : throw UserError.NotFound($"There is no area with id '{areaId}'.", "areaId");
    }

    /// <summary>The key of the resource an input's field names; <c>NOT_FOUND</c> when the caller reads none by that id.</summary>
    public static async Task<int> ExistingAsync(ResourceMapDbContext db, string? id, string field, CancellationToken ct)
    {
        var key = GlobalId.Decode(id, GlobalId.Resource, field);
        return await db.Resources.AnyAsync(r => r.Id == key, ct) ? key : throw UserError.NotFound($"There is no resource with id '{id}'.", field);
    }

    private static List<string> Tags(List<string>? values, string field, bool lowerCase)
    {
        if (values is null) return [];
        if (values.Count > MaxTags) throw UserError.BadInput($"'{field}' holds at most {MaxTags} entries.", field);
        var tags = new List<string>();
        foreach (var value in values)
        {
            var tag = TextRules.Required(value, field, MaxTagLength);
            if (lowerCase) tag = tag.ToLowerInvariant();
            if (!tags.Contains(tag)) tags.Add(tag);
        }
        return tags;
    }

    private static string? Web(string? value)
    {
        var web = TextRules.Optional(value, "contact.web", ResourceMapDbContext.MaxNameLength);
        if (web is not null && !(Uri.TryCreate(web, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw UserError.BadInput("'contact.web' must be an http or https address.", "contact.web");
        return web;
    }

    private static string? Email(string? value)
    {
        var email = TextRules.Optional(value, "contact.email", ResourceMapDbContext.MaxNameLength);
        if (email is not null && !EmailAddress().IsMatch(email)) throw UserError.BadInput($"'{email}' is not an e-mail address.", "contact.email");
        return email;
    }

    private static string? Phone(string? value)
    {
        var phone = TextRules.Optional(value, "contact.phone", 64);
        if (phone is not null && !PhoneNumber().IsMatch(phone)) throw UserError.BadInput($"'{phone}' is not a phone number.", "contact.phone");
        return phone;
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,30}$")]
    private static partial Regex PhoneNumber();
}
