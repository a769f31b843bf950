using GraphQL.Types;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

/// <summary>
/// How many people of a target group a resource or an activity reaches, against how many of them live in its area.
/// <see cref="Count"/> is null when it is suppressed: below <see cref="Reach.SmallestShown"/> people, for a caller who may
/// not read the sensitive details of its area (small-cell suppression, as statistics offices do, so that nobody can be
/// picked out of a small number).
/// </summary>
public sealed record ReachFigure(string TargetGroup, int? Count, bool Suppressed, Area? Area, int? Population)
{
    /// <summary>Count / population; null when either is unknown, suppressed, or the population is 0.</summary>
    public double? Share => Count is { } count && Population is > 0 ? (double)count / Population.Value : null;
}

public static class Reach
{
    /// <summary>The smallest count shown to everyone.</summary>
    public const int SmallestShown = 5;

    /// <summary>The target group that counts every resident.</summary>
    public const string Total = "total";

    public const int MaxCount = 10_000_000;

    /// <summary>A count of people from input: null, or a whole number from 0 to <see cref="MaxCount"/>.</summary>
    public static int? Count(int? value, string field) => value is null or (>= 0 and <= MaxCount) ? value
        : throw UserError.BadInput($"'{field}' must be from 0 to {MaxCount}, not {value}.", field);

    /// <summary>A target group from input, trimmed and in lower case as the resources' are; null when blank.</summary>
    public static string? TargetGroup(string? value, string field) =>
        TextRules.Optional(value, field, 64)?.ToLowerInvariant();

    /// <summary>Whether a count of people shows for this caller: not when it is small and its area is not the caller's.</summary>
    public static bool Shown(int count, int? areaId, Access.RequestCaller caller) => count >= SmallestShown || caller.IsInsider(areaId);

    /// <summary>
    /// Whether an activity's counts show for this caller: all or none. One small count hidden among others shown would
    /// be their total less the others (secondary suppression, as statistics offices apply it, by the simplest rule).
    /// </summary>
    public static bool Shown(Activity activity, Access.RequestCaller caller) =>
        caller.IsInsider(activity.AreaId) || activity.Attendance.All(a => a.Count >= SmallestShown);

    /// <param name="targetGroup">Whom the count counts.</param>
    /// <param name="count">How many people.</param>
    /// <param name="areaId">The area of the resource or activity counted: its insiders see small counts.</param>
    /// <param name="area">That area with its population, when the reach against it is wanted.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="shown">Whether the count shows, when its table decides it (an activity's counts); else by the count alone.</param>
    public static ReachFigure Of(string targetGroup, int count, int? areaId, Area? area, Access.RequestCaller caller, bool? shown = null)
    {
        shown ??= Shown(count, areaId, caller);
        var population = area?.Population.FirstOrDefault(p => p.TargetGroup == targetGroup)?.Count;
        return new ReachFigure(targetGroup, shown.Value ? count : null, !shown.Value, area, population);
    }
}

public sealed class ReachType : ObjectGraphType<ReachFigure>
{
    public ReachType()
    {
        Name = "Reach";
        Description = $"How many people of a target group are reached, against how many of them live in the area. Counts below {Reach.SmallestShown} are suppressed (null) for callers who are not admins or viewers and workers of the area's municipality.";
        Field<NonNullGraphType<StringGraphType>>("targetGroup").Description("Whom it counts (\"total\": residents of every group).").ResolveSource(s => s.TargetGroup);
        Field<IntGraphType>("count").Description("People reached; null when suppressed.").ResolveSource(s => s.Count);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description($"True when the count is below {Reach.SmallestShown} and hidden from this caller.").ResolveSource(s => s.Suppressed);
        Field<AreaNode>("area").Description("The area whose population it is measured against.").ResolveSource(s => s.Area);
        Field<IntGraphType>("population").Description("How many people of the target group live in the area; null when not known.").ResolveSource(s => s.Population);
        Field<FloatGraphType>("share").Description("count / population, from 0 to 1 (0.32 for 32 %); null when either is unknown or suppressed.").ResolveSource(s => s.Share);
    }
}
