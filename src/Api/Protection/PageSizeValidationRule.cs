using GraphQL.Validation;
using GraphQLParser.AST;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Paging;

namespace ResourceMap.Api.Protection;

/// <summary>
/// Refuses a 'first' or 'last' above <see cref="PageRequest.MaxPageSize"/> during validation, so an oversized page is
/// turned away before anything is read (<c>PAGE_SIZE_TOO_LARGE</c>), whether given inline or as a variable.
/// </summary>
public sealed class PageSizeValidationRule : ValidationRuleBase, INodeVisitor
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(this);

    ValueTask INodeVisitor.EnterAsync(ASTNode node, ValidationContext context)
    {
        if (node is GraphQLArgument { Name.StringValue: "first" or "last" } argument && context.TypeInfo.GetFieldDef() is { } field
            && field.Arguments?.Find("after") is not null)
        {
            var size = argument.Value switch
            {
                GraphQLIntValue literal when int.TryParse(literal.Value.Span, out var n) => n,
                GraphQLVariable variable when context.Variables?.TryGetValue(variable.Name.StringValue, out var value) == true => value switch
                {
                    int i => i,
                    long l => l,
                    _ => (long?)null,
                },
                _ => null,
            };
            if (size > PageRequest.MaxPageSize)
                context.ReportError(new PageSizeError(context.Document.Source, argument, Languages.Message.WithValues(
                    "'{0}' asks for {1} items; a page holds at most {2}.", argument.Name.StringValue, size, PageRequest.MaxPageSize).In(Languages.RequestLanguage.Current)));
        }
        return default;
    }

    ValueTask INodeVisitor.LeaveAsync(ASTNode node, ValidationContext context) => default;
}

public sealed class PageSizeError(GraphQLParser.ROM source, ASTNode node, string message) : ValidationError(source, ErrorCodes.PageSizeTooLarge, message, node);
