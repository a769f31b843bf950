using GraphQL.Types;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

public sealed class CreateActivityInputType : InputObjectGraphType
{
    public CreateActivityInputType()
    {
        Name = "CreateActivityInput";
        Description = "A new activity.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name, at most 200 characters.");
        Field<NonNullGraphType<ActivityKindEnum>>("kind").Description("What kind of activity it is.");
        Field<NonNullGraphType<DateOnlyGraphType>>("startsOn").Description("The (first) day it is held.");
        AddCommonFields(this);
    }

    internal static void AddCommonFields(InputObjectGraphType input)
    {
        input.Field<DateOnlyGraphType>("endsOn").Description("The last day; not before startsOn. Null for one day, or while a recurring activity goes on.");
        input.Field<ActivityRecurrenceEnum>("recurrence").Description("How often it is held (default ONCE).");
        input.Field<IdGraphType>("venueId").Description("The resource it is held at.");
        input.Field<FloatGraphType>("latitude").Description("WGS84 latitude of a place that is no resource (with longitude; not with venueId).");
        input.Field<FloatGraphType>("longitude").Description("WGS84 longitude of that place.");
        input.Field<BooleanGraphType>("online").Description("True when it is held online (too).");
        input.Field<IdGraphType>("areaId").Description("The area it is held in; when left out, the venue's area, or the most specific area holding its point.");
        input.Field<BooleanGraphType>("sensitive").Description("True when it reveals vulnerable people: then only admins and the viewers and workers of its municipality see it (default false).");
        input.Field<StringGraphType>("note").Description("A note, at most 4000 characters.");
        input.Field<StringGraphType>("externalId").Description("The key a community's own list gives it; unique.");
        input.Field<ListGraphType<NonNullGraphType<ParticipantInputType>>>("participants").Description($"Organisers, partners and participants (replaces the list; at most {ActivityRules.MaxParticipants}).");
        input.Field<ListGraphType<NonNullGraphType<AttendanceInputType>>>("attendance").Description("How many people came, by target group; \"total\" for all of them (replaces the list).");
    }
}

public sealed class UpdateActivityInputType : InputObjectGraphType
{
    public UpdateActivityInputType()
    {
        Name = "UpdateActivityInput";
        Description = "Changes to an activity: fields left out stay as they are; fields given as null are cleared.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the activity.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
        Field<StringGraphType>("name").Description("New name.");
        Field<ActivityKindEnum>("kind").Description("New kind.");
        Field<DateOnlyGraphType>("startsOn").Description("New first day.");
        CreateActivityInputType.AddCommonFields(this);
    }
}

public sealed class DeleteActivityInputType : InputObjectGraphType
{
    public DeleteActivityInputType()
    {
        Name = "DeleteActivityInput";
        Description = "The activity to delete.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the activity.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
    }
}

public sealed class ParticipantInputType : InputObjectGraphType
{
    public ParticipantInputType()
    {
        Name = "ActivityParticipantInput";
        Description = "A resource's part in an activity.";
        Field<NonNullGraphType<IdGraphType>>("resourceId").Description("The resource.");
        Field<ParticipantRoleEnum>("role").Description("Its part (default PARTICIPANT).");
    }
}

public sealed class AttendanceInputType : InputObjectGraphType
{
    public AttendanceInputType()
    {
        Name = "AttendanceInput";
        Description = "How many people of a target group came.";
        Field<NonNullGraphType<StringGraphType>>("targetGroup").Description("The target group, e.g. seniors, youth; \"total\" for everyone.");
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many came, from 0.");
    }
}

public sealed record ActivityPayload(Activity Activity);

public sealed class ActivityPayloadType : ObjectGraphType<ActivityPayload>
{
    public ActivityPayloadType()
    {
        Name = "ActivityPayload";
        Description = "The activity as saved.";
        Field<NonNullGraphType<ActivityNode>>("activity").Description("The activity.").ResolveSource(s => s.Activity);
    }
}

public sealed record DeleteActivityPayload(string DeletedActivityId);

public sealed class DeleteActivityPayloadType : ObjectGraphType<DeleteActivityPayload>
{
    public DeleteActivityPayloadType()
    {
        Name = "DeleteActivityPayload";
        Description = "What was deleted.";
        Field<NonNullGraphType<IdGraphType>>("deletedActivityId").Description("Id of the deleted activity.").ResolveSource(s => s.DeletedActivityId);
    }
}
