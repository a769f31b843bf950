using GraphQL.Types;

namespace ResourceMap.Api.Schema;

/// <summary>Relay's Node: any object that can be fetched again by its global id.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id, which node(id) fetches again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Globally unique, opaque id.");
    }
}
