using System.Text;
using System.Text.RegularExpressions;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Languages;

namespace ResourceMap.Api.Tests;

/// <summary>
/// The translations of the API's messages (src/Api/Languages/messages.json): every entry complete and using the values
/// its English template has, every message the code writes in the catalog, and a few sentences checked by hand.
/// </summary>
public partial class MessageCatalogTests
{
    [Fact]
    public void Every_entry_has_Latvian_and_Russian_with_the_values_of_its_English_template()
    {
        var problems = new List<string>();
        foreach (var (template, (en, lv, ru)) in Catalog.Entries)
        {
            var expected = Indexes(template);
            foreach (var (language, text) in new[] { ("lv", lv), ("ru", ru) })
            {
                if (string.IsNullOrWhiteSpace(text)) problems.Add($"{language} missing: {template}");
                else if (!Indexes(text).SetEquals(expected)) problems.Add($"{language} uses {{{string.Join(",", Indexes(text).Order())}}}, not {{{string.Join(",", expected.Order())}}}: {template}");
            }
            if (en is not null && !Indexes(en).SetEquals(expected)) problems.Add($"en uses other values: {template}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_message_written_in_the_code_is_in_the_catalog()
    {
        var root = RepositoryRoot();
        var catalog = Catalog.Entries;
        var missing = new List<string>();
        var unreadable = new List<string>();
        var found = 0;
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "src", "Api"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.Contains("/bin/") || relative.Contains("/obj/")) continue;
            var source = File.ReadAllText(path);
            foreach (Match site in MessageSite().Matches(source))
            {
                var line = source.AsSpan(0, site.Index).Count('\n') + 1;
                if (InComment(source, site.Index)) continue;
                var at = site.Index + site.Length;
                if (at >= source.Length || (source[at] != '"' && source[at] != '$' && source[at] != '@')) continue; // a variable, a switch, a helper: not a text here
                var template = TemplateAt(source, at, isTemplate: site.Value.Contains("WithValues"), out var end);
                if (template is null || !FollowedByEndOfArgument(source, end))
                {
                    unreadable.Add($"{relative}:{line}: write the message as one interpolated string or literal (no concatenation, no raw or verbatim string)");
                    continue;
                }
                found++;
                if (!catalog.ContainsKey(template)) missing.Add($"{relative}:{line}: {template}");
            }
        }
        Assert.True(found > 150, $"Only {found} messages found: has the scan lost its way?");
        Assert.True(unreadable.Count == 0, "Messages the catalog cannot hold:\n" + string.Join("\n", unreadable));
        Assert.True(missing.Count == 0, $"Messages without a translation in src/Api/Languages/messages.json ({missing.Count}):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_scan_reads_templates_as_MessageHandler_makes_them()
    {
        // The same texts as code: an interpolated string with formats, nested quotes and calls, and braces of its own.
        const string source = """
            $"{field}: '{path}' has {items.Count:N0} items, not {given[missing].String("resourceId")} ({(a > 1 ? "x" : "y")}) {{literal}}.", field)
            """;
        Assert.Equal("{0}: '{1}' has {2} items, not {3} ({4}) {{literal}}.", TemplateAt(source, 0, isTemplate: false, out _));
        Assert.Equal("Say \"{{x}}\".", TemplateAt("\"Say \\\"{x}\\\".\"", 0, isTemplate: false, out _));

        var (field, path, count) = ("where", "where.or", 3);
        var error = new UserError(ErrorCodes.ListTooLong, $"{field}: '{path}' has {count:N0} items; at most {2:N0} are allowed in a filter.", path);
        Assert.Equal("{0}: '{1}' has {2} items; at most {3} are allowed in a filter.", error.Text.Template);
        Assert.Equal("where: 'where.or' has 3 items; at most 2 are allowed in a filter.", error.Message);
    }

    [Fact]
    public void Russian_words_agree_with_the_number()
    {
        const string template = "This socket runs {0} operations already; complete one first.";
        Assert.Equal("В этом соединении уже выполняется 1 операция; сначала завершите одну.", Message.WithValues(template, 1).In(Language.Ru));
        Assert.Equal("В этом соединении уже выполняется 3 операции; сначала завершите одну.", Message.WithValues(template, 3).In(Language.Ru));
        Assert.Equal("В этом соединении уже выполняется 5 операций; сначала завершите одну.", Message.WithValues(template, 5).In(Language.Ru));
        Assert.Equal("В этом соединении уже выполняется 21 операция; сначала завершите одну.", Message.WithValues(template, 21).In(Language.Ru));
        Assert.Equal("This socket runs 21 operations already; complete one first.", Message.WithValues(template, 21).In(Language.En));

        const string password = "A password needs at least {0} characters.";
        Assert.Equal("Пароль должен содержать не менее 10 символов.", Catalog.Render(Message.WithValues(password, 10), Language.Ru));
        Assert.Equal("Пароль должен содержать не менее 21 символа.", Catalog.Render(Message.WithValues(password, 21), Language.Ru));
        Assert.Equal("Parolē jābūt vismaz 10 zīmēm.", Catalog.Render(Message.WithValues(password, 10), Language.Lv));
        Assert.Equal("Parolē jābūt vismaz 21 zīmei.", Catalog.Render(Message.WithValues(password, 21), Language.Lv));
    }

    [Fact]
    public void Numbers_are_written_as_the_language_writes_them()
    {
        var timeout = new Message("The operation ran longer than {0} s and was stopped.", [new MessageValue(2.5, "0.###")]);
        Assert.Equal("The operation ran longer than 2.5 s and was stopped.", Catalog.Render(timeout, Language.En));
        Assert.Equal("Operācija darbojās ilgāk par 2,5 s un tika apturēta.", Catalog.Render(timeout, Language.Lv));
        Assert.Equal("Операция выполнялась дольше 2,5 с и была остановлена.", Catalog.Render(timeout, Language.Ru));
    }

    [Fact]
    public void Values_that_are_messages_or_texts_of_the_catalog_are_translated_too()
    {
        var places = Message.WithValues("{0} and {1}", Message.Of("Rīga"), "Jūrmala");
        var outside = Message.WithValues("{0}: in {1}, outside your municipalities ({2}).", Message.Of("The new resource"), places, "Valmiera");
        Assert.Equal("The new resource: in Rīga and Jūrmala, outside your municipalities (Valmiera).", outside.In(Language.En));
        Assert.Equal("Jaunais resurss: Rīga un Jūrmala nav jūsu pašvaldībās (Valmiera).", outside.In(Language.Lv));
        Assert.Equal("Новый ресурс: Rīga и Jūrmala — вне ваших самоуправлений (Valmiera).", outside.In(Language.Ru));

        var forbidden = Message.WithValues("Only a worker or above may {0}; you are signed in as a viewer.", "record ties");
        Assert.Equal("Tikai lietotājs ar lomu 'darbinieks' vai augstāku drīkst ierakstīt saites; jūsu loma ir 'skatītājs'.", forbidden.In(Language.Lv));
        Assert.Equal("Только пользователь с ролью 'сотрудник' или выше может записывать связи; ваша роль — 'наблюдатель'.", forbidden.In(Language.Ru));

        Assert.Equal("Notika iekšēja kļūda.", Catalog.Translate("An internal error occurred.", Language.Lv));
        Assert.Equal("Something no catalog knows {0}.", Catalog.Translate("Something no catalog knows {0}.", Language.Ru));
    }

    [Fact]
    public void A_user_error_keeps_its_English_text_and_is_written_in_the_language_asked_for()
    {
        const int max = 50;
        var error = UserError.BadInput($"'first' must be from 0 to {max}.", "first");
        Assert.Equal("'first' must be from 0 to 50.", error.Message);
        Assert.Equal("'first' must be from 0 to {0}.", error.Text.Template);
        Assert.Equal("'first' vērtībai jābūt no 0 līdz 50.", error.Text.In(Language.Lv));
        Assert.Equal("Значение 'first' должно быть от 0 до 50.", error.Text.In(Language.Ru));
    }

    /// <summary>The value indexes a template uses, {0} or {0:…} (plural choices included); doubled braces are text.</summary>
    private static HashSet<int> Indexes(string template) =>
        Placeholder().Matches(template.Replace("{{", "").Replace("}}", "")).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "ResourceMap.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No ResourceMap.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Whether the site is in a // comment (a doc comment's example, say).</summary>
    private static bool InComment(string source, int at)
    {
        var lineStart = source.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        return source.AsSpan(lineStart, at - lineStart).TrimStart().StartsWith("//");
    }

    /// <summary>After the text: the next argument or the end of the call; anything else (a +, a method call) builds the text.</summary>
    private static bool FollowedByEndOfArgument(string source, int at)
    {
        while (at < source.Length && char.IsWhiteSpace(source[at])) at++;
        return at < source.Length && source[at] is ',' or ')';
    }

    /// <summary>
    /// The catalog template of the literal at <paramref name="at"/>, as <see cref="MessageHandler"/> makes it: each hole
    /// {0}, {1}… in order (its format left out), the text's own braces doubled; a plain literal is its own template
    /// (braces doubled), unless it is already a template (<see cref="Message.WithValues"/>). Null for what it cannot read.
    /// </summary>
    private static string? TemplateAt(string source, int at, bool isTemplate, out int end)
    {
        end = at;
        if (source[at] == '"' && !source.AsSpan(at).StartsWith("\"\"\""))
        {
            var text = ReadRegular(source, at + 1, out end);
            return isTemplate ? text : Doubled(text);
        }
        if (source.AsSpan(at).StartsWith("$\"") && !source.AsSpan(at).StartsWith("$\"\"\"") && !isTemplate)
            return ReadInterpolated(source, at + 2, out end);
        return null; // verbatim, raw, or an interpolated string where a template is expected
    }

    private static string Doubled(string text) => text.Replace("{", "{{").Replace("}", "}}");

    /// <summary>A "…" literal's text, from just after its opening quote; <paramref name="end"/> after its closing quote.</summary>
    private static string ReadRegular(string source, int at, out int end)
    {
        var text = new StringBuilder();
        while (source[at] != '"')
        {
            if (source[at] == '\\') text.Append(Escape(source, ref at));
            else text.Append(source[at++]);
        }
        end = at + 1;
        return text.ToString();
    }

    /// <summary>A $"…" string's template, from just after $"; <paramref name="end"/> after its closing quote.</summary>
    private static string ReadInterpolated(string source, int at, out int end)
    {
        var template = new StringBuilder();
        var holes = 0;
        while (source[at] != '"')
        {
            if (source[at] == '\\') template.Append(Doubled(Escape(source, ref at)));
            else if (source.AsSpan(at).StartsWith("{{")) { template.Append("{{"); at += 2; }
            else if (source.AsSpan(at).StartsWith("}}")) { template.Append("}}"); at += 2; }
            else if (source[at] == '{')
            {
                at = SkipHole(source, at + 1);
                template.Append('{').Append(holes++).Append('}');
            }
            else template.Append(source[at++]);
        }
        end = at + 1;
        return template.ToString();
    }

    /// <summary>Past a hole's closing brace, from just after its opening one: brackets, strings and characters in it are skipped whole.</summary>
    private static int SkipHole(string source, int at)
    {
        var depth = 0;
        while (true)
        {
            var c = source[at];
            if (c == '"') { ReadRegular(source, at + 1, out at); continue; }
            if (c == '$' && source[at + 1] == '"') { ReadInterpolated(source, at + 2, out at); continue; }
            if (c == '\'')
            {
                at++;
                while (source[at] != '\'') at += source[at] == '\\' ? 2 : 1;
                at++;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '}' && depth-- == 0) return at + 1;
            else if (c == ':' && depth == 0)
            {
                if (source[at + 1] == ':') { at += 2; continue; } // global::
                return source.IndexOf('}', at) + 1; // the format, as it is: a hole ends with it
            }
            at++;
        }
    }

    private static string Escape(string source, ref int at)
    {
        var c = source[at + 1];
        at += 2;
        switch (c)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case '0': return "\0";
            case 'u':
                at += 4;
                return ((char)Convert.ToInt32(source.Substring(at - 4, 4), 16)).ToString();
            default: return c.ToString(); // \" \\ \'
        }
    }

    /// <summary>
    /// Where a message is written: a UserError's, a RequestError's, a template or text of a Message, or an import's
    /// problem (the last argument of Problem(cells, column, …) and of new ImportProblem(sheet, row, column, …), the
    /// argument of Refused(…) and of new SpreadsheetException(…)).
    /// </summary>
    [GeneratedRegex(@"(?:\bnew(?:\s+(?:Errors\.)?UserError)?\s*\(\s*ErrorCodes\.\w+\s*,|\bUserError\.(?:BadInput|NotFound)\s*\(|\bMessage\.(?:WithValues|Of)\s*\(|\bRequestError\.BadRequest\s*\(|\bTooLarge\s*\("
        + @"|\bProblem\s*\(\s*cells\s*,(?:[^,;()]|\([^()]*\))+,|\b(?:Refused|SpreadsheetException)\s*\("
        + @"|\b_?problems\.Add\(\s*new(?:\s+ImportProblem)?\s*\((?:[^,;()]|\([^()]*\))+,(?:[^,;()]|\([^()]*\))+,(?:[^,;()]|\([^()]*\))+,)\s*")]
    private static partial Regex MessageSite();

    [GeneratedRegex(@"\{(\d+)(?::[^{}]*)?\}")]
    private static partial Regex Placeholder();
}
