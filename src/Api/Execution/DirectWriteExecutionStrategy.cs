using System.Buffers;
using System.Collections;
using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using ResourceMap.Api.Schema;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ResourceMap.Api.Execution;

/// <summary>
/// GraphQL.NET's serial execution, except that a list of objects whose selection can be answered at once is written to
/// JSON while it is resolved, item by item, instead of becoming a tree of execution nodes — about 700 bytes per object
/// and 100 per scalar field, and the garbage collections they cause, were most of a map query's cost. Every field still
/// runs its own resolver with its own context, so what a field returns is decided in one place. Whatever needs
/// GraphQL.NET's own machinery — a batch-loaded (deferred) value, an error, a null where the schema promises a value, an
/// abstract type, a scalar this writer does not know — sends the list back to the ordinary path, which then answers
/// exactly as it always did (resolvers of queries have no side effects, so running them again is safe).
/// Complexity: O(fields written), one buffer per list; the ordinary path is O(fields) too, with a node per field.
/// </summary>
public sealed class DirectWriteExecutionStrategy : SerialExecutionStrategy
{
    /// <summary>The same escaping as the response serializer's (Latvian letters as themselves), so both write alike.</summary>
    public static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder, SkipValidation = true };

    private const string PlansKey = "ResourceMap.DirectWrite.Plans";

    private long _written;
    private long _declined;

    /// <summary>Lists written straight to JSON since the start.</summary>
    public long ListsWritten => Interlocked.Read(ref _written);

    /// <summary>Lists of objects left to the ordinary path since the start (see the class' summary for why).</summary>
    public long ListsDeclined => Interlocked.Read(ref _declined);

    protected override async Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        List<ExecutionNode>? written;
        try
        {
            written = await TryWriteAsync(context, parent);
        }
        catch (Exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            written = null; // a value no serializer takes, a type test that throws: the ordinary path reports it
        }
        if (written is { } items)
        {
            parent.Items = items;
            Interlocked.Increment(ref _written);
            return;
        }
        if (parent.GraphType is ListGraphType { ResolvedType: NonNullGraphType { ResolvedType: IObjectGraphType } or IObjectGraphType }) Interlocked.Increment(ref _declined);
        await base.SetArrayItemNodesAsync(context, parent);
    }

    private async ValueTask<List<ExecutionNode>?> TryWriteAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        var (itemType, itemsNonNull) = parent.GraphType is ListGraphType { ResolvedType: var inner }
            ? inner is NonNullGraphType { ResolvedType: var required } ? (required, true) : (inner, false)
            : (null, false);
        if (itemType is not IObjectGraphType objectType || parent.Result is not IEnumerable values || parent.Field.SelectionSet is null) return null;
        if (Plan(context, objectType, parent.Field.SelectionSet) is not { } plan) return null;

        var template = (ObjectExecutionNode)BuildExecutionNode(parent, objectType, parent.Field, parent.FieldDefinition, 0);
        var writer = new Writer(context, Bind(context, plan, template));
        foreach (var value in Items(values))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var written = value is null ? !itemsNonNull && writer.Null() : writer.Object(writer.Root, value);
            if (!written)
            {
                // A resolver that has to be awaited: let it finish before the ordinary path runs it again.
                if (writer.Pending is { } pending)
                    try { await pending; } catch (Exception) when (!context.CancellationToken.IsCancellationRequested) { }
                return null;
            }
            writer.EndItem();
        }
        return writer.ItemNodes(parent);
    }

    // Which fields an object's selection holds depends on the request's variables (@skip, @include): planned per request.
    private ObjectPlan? Plan(ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selectionSet) =>
        context.UserContext.Memo(PlansKey, (selectionSet, type), key => MakePlan(context, key.type, key.selectionSet));

    private ObjectPlan? MakePlan(ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selectionSet)
    {
        var collected = CollectFieldsFrom(context, type, selectionSet, null);
        var fields = new List<FieldPlan>(collected.Count);
        foreach (var (name, (ast, definition)) in collected)
        {
            var leaf = Unwrap(definition.ResolvedType!);
            ObjectPlan? child = null;
            if (leaf is IObjectGraphType objectLeaf)
            {
                if (ast.SelectionSet is null || ListDepth(definition.ResolvedType!) > 1) return null;
                child = MakePlan(context, objectLeaf, ast.SelectionSet);
                if (child is null) return null;
            }
            else if (leaf is not ScalarGraphType) return null; // interfaces and unions need type resolution
            fields.Add(new FieldPlan(JsonEncodedText.Encode(name, Encoder), ast, definition, child, PlainKind(definition.ResolvedType!)));
        }
        return new ObjectPlan(type, fields);
    }

    /// <summary>Nodes and contexts for the fields of one object level, reused for every item written at that level.</summary>
    private BoundObject Bind(ExecutionContext context, ObjectPlan plan, ObjectExecutionNode node)
    {
        var fields = new BoundField[plan.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = plan.Fields[i];
            var fieldNode = BuildExecutionNode(node, field.Definition.ResolvedType!, field.Ast, field.Definition, null);
            BoundObject? child = null;
            if (field.Child is { } childPlan)
            {
                var objectNode = fieldNode as ObjectExecutionNode
                    ?? (ObjectExecutionNode)BuildExecutionNode(fieldNode, Unwrap(field.Definition.ResolvedType!), field.Ast, field.Definition, 0);
                child = Bind(context, childPlan, objectNode);
            }
            fields[i] = new BoundField(field, new ReadonlyResolveFieldContext(fieldNode, context), SelectResolver(fieldNode, context), child);
        }
        return new BoundObject(plan, node, fields);
    }

    /// <summary>The items of a list; by index where it can (some of GraphQL.NET's own lists enumerate only that way).</summary>
    private static IEnumerable<object?> Items(IEnumerable values)
    {
        if (values is IList list)
        {
            for (var i = 0; i < list.Count; i++) yield return list[i];
        }
        else
        {
            foreach (var value in values) yield return value;
        }
    }

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType n => Unwrap(n.ResolvedType!),
        ListGraphType l => Unwrap(l.ResolvedType!),
        _ => type,
    };

    private static int ListDepth(IGraphType type) => type switch
    {
        NonNullGraphType n => ListDepth(n.ResolvedType!),
        ListGraphType l => 1 + ListDepth(l.ResolvedType!),
        _ => 0,
    };

    /// <summary>
    /// The built-in scalars whose serialization returns a value of their own CLR type unchanged (a string for ID and
    /// String, an int, a double, a bool): such a value is written as it is, without asking the graph type.
    /// </summary>
    private enum Plain { None, Text, Int, Float, Boolean }

    private static Plain PlainKind(IGraphType type) => (type is NonNullGraphType { ResolvedType: var inner } ? inner : type)?.GetType() switch
    {
        var t when t == typeof(IdGraphType) || t == typeof(StringGraphType) => Plain.Text,
        var t when t == typeof(IntGraphType) => Plain.Int,
        var t when t == typeof(FloatGraphType) => Plain.Float,
        var t when t == typeof(BooleanGraphType) => Plain.Boolean,
        _ => Plain.None,
    };

    private sealed record FieldPlan(JsonEncodedText Name, GraphQLField Ast, FieldType Definition, ObjectPlan? Child, Plain Plain);

    private sealed record ObjectPlan(IObjectGraphType Type, List<FieldPlan> Fields);

    private sealed record BoundField(FieldPlan Plan, ReadonlyResolveFieldContext Context, IFieldResolver Resolver, BoundObject? Child);

    private sealed record BoundObject(ObjectPlan Plan, ObjectExecutionNode Node, BoundField[] Fields);

    /// <summary>Writes the items of one list into one buffer; every method answers false where the ordinary path must take over.</summary>
    private sealed class Writer(ExecutionContext context, BoundObject root)
    {
        private readonly SegmentedBuffer _buffer = new();
        private readonly List<long> _ends = [];
        private Utf8JsonWriter Json => field ??= new Utf8JsonWriter(_buffer, WriterOptions);

        public BoundObject Root { get; } = root;

        /// <summary>Ends one item: its bytes are in the buffer, and the next one starts a new JSON value.</summary>
        public void EndItem()
        {
            Json.Flush();
            Json.Reset();
            _ends.Add(_buffer.Length);
        }

        /// <summary>The list's item nodes, each holding its written JSON.</summary>
        public List<ExecutionNode> ItemNodes(ArrayExecutionNode parent)
        {
            _buffer.Complete();
            var items = new List<ExecutionNode>(_ends.Count);
            for (var i = 0; i < _ends.Count; i++)
                items.Add(new RawJsonNode(parent, i, _buffer.Slice(i == 0 ? 0 : _ends[i - 1], _ends[i])));
            return items;
        }

        public bool Null()
        {
            Json.WriteNullValue();
            return true;
        }

        /// <summary>A resolver's result still to come, which made the writer give up.</summary>
        public Task? Pending { get; private set; }

        public bool Object(BoundObject bound, object value)
        {
            if (bound.Plan.Type.IsTypeOf is { } isTypeOf && !isTypeOf(value)) return false;
            bound.Node.Result = value;
            Json.WriteStartObject();
            foreach (var field in bound.Fields)
            {
                object? result;
                try
                {
                    var resolved = field.Resolver.ResolveAsync(field.Context);
                    if (!resolved.IsCompletedSuccessfully)
                    {
                        Pending = resolved.AsTask();
                        return false;
                    }
                    result = resolved.Result;
                }
                catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception)
                {
                    return false; // the ordinary path runs it again and reports the error where it belongs
                }
                Json.WritePropertyName(field.Plan.Name);
                if (WrotePlain(field.Plan.Plain, result)) continue;
                // Strings and values cannot be loader results: only other objects need the (slower) interface test.
                if (result is not (string or ValueType) && result is IDataLoaderResult) return false; // awaiting it here would load item by item
                if (!Value(field.Plan.Definition.ResolvedType!, result, field.Child)) return false;
            }
            Json.WriteEndObject();
            return true;
        }

        private bool WrotePlain(Plain plain, object? value)
        {
            switch (plain)
            {
                case Plain.Text when value is string s: Json.WriteStringValue(s); return true;
                case Plain.Int when value is int i: Json.WriteNumberValue(i); return true;
                case Plain.Float when value is double d && double.IsFinite(d): Json.WriteNumberValue(d); return true;
                case Plain.Boolean when value is bool b: Json.WriteBooleanValue(b); return true;
                default: return false;
            }
        }

        private bool Value(IGraphType type, object? value, BoundObject? child)
        {
            if (type is NonNullGraphType { ResolvedType: var required })
            {
                if (value is null) return false; // GraphQL.NET reports it and nulls the parent
                type = required!;
            }
            if (value is null) return Null();
            switch (type)
            {
                case ScalarGraphType scalar:
                    return Scalar(scalar.Serialize(value));
                case ListGraphType { ResolvedType: var itemType } when value is IEnumerable items and not string:
                    Json.WriteStartArray();
                    foreach (var item in Items(items))
                        if (!Value(itemType!, item, child)) return false;
                    Json.WriteEndArray();
                    return true;
                case IObjectGraphType when child is not null:
                    return Object(child, value);
                default:
                    return false;
            }
        }

        private bool Scalar(object? serialized)
        {
            switch (serialized)
            {
                case string s: Json.WriteStringValue(s); break;
                case bool b: Json.WriteBooleanValue(b); break;
                case int i: Json.WriteNumberValue(i); break;
                case long l: Json.WriteNumberValue(l); break;
                case double d when double.IsFinite(d): Json.WriteNumberValue(d); break;
                case float f when float.IsFinite(f): Json.WriteNumberValue(f); break;
                case decimal m: Json.WriteNumberValue(m); break;
                case short or byte or sbyte or ushort: Json.WriteNumberValue(Convert.ToInt32(serialized, System.Globalization.CultureInfo.InvariantCulture)); break;
                case uint u: Json.WriteNumberValue(u); break;
                case ulong u: Json.WriteNumberValue(u); break;
                case DateTimeOffset t: Json.WriteStringValue(t); break;
                case DateTime t: Json.WriteStringValue(t); break;
                case Guid g: Json.WriteStringValue(g); break;
                default: return false; // null from a serializer, or a structured scalar: the ordinary path decides
            }
            return true;
        }
    }
}
