using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cheeger.Bindings.Generator;

/// <summary>
/// Turns clang's JSON AST of a header into a <see cref="HeaderModel"/>, keeping only what the header itself
/// declares (not what it includes) and refusing, by name, any declaration the bindings have no rule for.
/// </summary>
/// <remarks>
/// clang writes a location's <c>file</c> only when it differs from the previous location it wrote, in document
/// order. So the reader walks every location in that order and remembers the last file seen; a declaration
/// belongs to the header when its own location resolves to the header's path and is not <c>includedFrom</c>
/// another file.
/// </remarks>
public sealed partial class HeaderAstReader
{
    private readonly string _headerPath;
    private readonly string _headerFullPath;
    private string? _currentFile;

    private HeaderAstReader(string headerPath)
    {
        _headerPath = headerPath;
        _headerFullPath = Path.GetFullPath(headerPath);
    }

    /// <summary>Reads the declarations of <paramref name="headerPath"/> (the path exactly as it was handed to clang).</summary>
    /// <exception cref="BindingsException">The AST holds a declaration the bindings cannot express.</exception>
    public static IReadOnlyList<HeaderDeclaration> Read(JsonElement translationUnit, string headerPath) =>
        new HeaderAstReader(headerPath).ReadTranslationUnit(translationUnit);

    private List<HeaderDeclaration> ReadTranslationUnit(JsonElement translationUnit)
    {
        var declarations = new List<HeaderDeclaration>();
        var opaqueTags = new HashSet<string>(StringComparer.Ordinal);
        var definedTags = new HashSet<string>(StringComparer.Ordinal);
        if (!translationUnit.TryGetProperty("inner", out JsonElement nodes)) return declarations;

        foreach (JsonElement node in nodes.EnumerateArray())
        {
            bool fromHeader = TrackNode(node);
            if (!fromHeader) continue;
            string kind = node.GetProperty("kind").GetString()!;
            string? name = node.TryGetProperty("name", out JsonElement n) ? n.GetString() : null;
            switch (kind)
            {
                case "EnumDecl":
                    declarations.Add(ReadEnum(node, name ?? throw Unsupported(node, "an anonymous enum")));
                    definedTags.Add("enum " + name);
                    break;
                case "RecordDecl":
                    if (name is null) throw Unsupported(node, "an anonymous struct or union");
                    if (String(node, "tagUsed") != "struct") throw Unsupported(node, $"union {name}");
                    if (node.TryGetProperty("completeDefinition", out JsonElement complete) && complete.GetBoolean())
                    {
                        declarations.Add(ReadStruct(node, name));
                        definedTags.Add("struct " + name);
                    }
                    else
                    {
                        opaqueTags.Add(name);
                    }
                    break;
                case "TypedefDecl":
                    if (ReadTypedef(node, name!, definedTags, opaqueTags) is { } handle) declarations.Add(handle);
                    break;
                case "FunctionDecl":
                    declarations.Add(ReadFunction(node, name!));
                    break;
                default:
                    throw Unsupported(node, $"a {kind} named '{name}'");
            }
        }
        return declarations;
    }

    /// <summary>
    /// Walks the node's locations in document order and says whether the node's own location is in the header.
    /// The whole node is walked (not only its <c>loc</c>) so that the remembered file stays right for the next node.
    /// </summary>
    private bool TrackNode(JsonElement node)
    {
        bool fromHeader = false;
        foreach (JsonProperty property in node.EnumerateObject())
        {
            if (property.NameEquals("loc"))
            {
                JsonElement location = property.Value;
                Track(location);
                // A declaration written through a macro sits where the macro was expanded, not where it was spelled.
                JsonElement written = location.TryGetProperty("expansionLoc", out JsonElement expansion) ? expansion : location;
                bool hasLocation = written.EnumerateObject().Any();
                bool included = written.TryGetProperty("includedFrom", out _);
                fromHeader = hasLocation && !included && IsHeader(_currentFile);
            }
            else
            {
                Track(property.Value);
            }
        }
        return fromHeader;
    }

    /// <summary>Updates the remembered file from every location below <paramref name="element"/>, in document order.</summary>
    private void Track(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.NameEquals("file") && property.Value.ValueKind == JsonValueKind.String)
                        _currentFile = property.Value.GetString();
                    else if (!property.NameEquals("includedFrom")) // names the includer, not this location's file
                        Track(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray()) Track(item);
                break;
        }
    }

    private bool IsHeader(string? file) =>
        file is not null && (file == _headerPath || Path.GetFullPath(file) == _headerFullPath);

    private static EnumDeclaration ReadEnum(JsonElement node, string name)
    {
        string? underlying = node.TryGetProperty("fixedUnderlyingType", out JsonElement fixedType)
            ? fixedType.GetProperty("qualType").GetString()
            : null;
        var constants = new List<EnumConstant>();
        long next = 0;
        foreach (JsonElement child in Children(node).Where(c => Kind(c) == "EnumConstantDecl"))
        {
            // clang folds every explicit initializer into a ConstantExpr carrying the value; implicit ones count on.
            JsonElement? folded = Children(child).Where(c => Kind(c) == "ConstantExpr").Select(c => (JsonElement?)c).FirstOrDefault();
            long value = folded is { } expression
                ? long.Parse(expression.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)
                : next;
            constants.Add(new EnumConstant(String(child, "name")!, value, Comment(child)));
            next = value + 1;
        }
        return new EnumDeclaration(name, Comment(node), underlying, constants);
    }

    private static StructDeclaration ReadStruct(JsonElement node, string name)
    {
        var fields = new List<StructField>();
        foreach (JsonElement child in Children(node))
        {
            switch (Kind(child))
            {
                case "FieldDecl":
                    if (child.TryGetProperty("isBitfield", out JsonElement bitfield) && bitfield.GetBoolean())
                        throw Unsupported(child, $"the bit-field {name}.{String(child, "name")}");
                    string fieldName = String(child, "name") ?? throw Unsupported(child, $"an anonymous member of {name}");
                    fields.Add(new StructField(fieldName, CType.Parse(QualType(child)), Comment(child)));
                    break;
                case "FullComment":
                    break;
                default:
                    throw Unsupported(child, $"a {Kind(child)} inside struct {name}");
            }
        }
        if (fields.Count == 0) throw Unsupported(node, $"the empty struct {name}");
        return new StructDeclaration(name, Comment(node), fields);
    }

    /// <summary>
    /// <c>typedef enum X X;</c> and <c>typedef struct X X;</c> name what was just read and add nothing;
    /// <c>typedef struct T* X;</c> over an undefined struct is an opaque handle; <c>typedef R (*X)(P...);</c> is a
    /// callback whose return and parameters are types of the flat API. Anything else is refused.
    /// </summary>
    private static HeaderDeclaration? ReadTypedef(JsonElement node, string name, HashSet<string> definedTags, HashSet<string> opaqueTags)
    {
        string type = QualType(node);
        if (definedTags.Contains(type))
        {
            if (type != "enum " + name && type != "struct " + name)
                throw Unsupported(node, $"typedef {type} {name}: the typedef must repeat the tag name");
            return null;
        }
        if (FunctionPointer().Match(type) is { Success: true } function)
        {
            string parameters = function.Groups["parameters"].Value.Trim();
            CType[] parameterTypes = parameters is "void" or ""
                ? []
                : [.. parameters.Split(',').Select(p => CType.Parse(p.Trim()))];
            return new CallbackDeclaration(name, Comment(node), CType.Parse(function.Groups["result"].Value), parameterTypes);
        }
        CType parsed = CType.Parse(type);
        if (parsed.PointerDepth == 1 && !parsed.IsConst && parsed.ArrayLength is null && parsed.BaseName.StartsWith("struct ", StringComparison.Ordinal))
        {
            string tag = parsed.BaseName["struct ".Length..];
            if (opaqueTags.Contains(tag)) return new HandleDeclaration(name, Comment(node), tag);
        }
        throw Unsupported(node, $"typedef {type} {name}");
    }

    private static FunctionDeclaration ReadFunction(JsonElement node, string name)
    {
        if (node.TryGetProperty("variadic", out JsonElement variadic) && variadic.GetBoolean())
            throw Unsupported(node, $"the variadic function {name}");
        if (String(node, "storageClass") is "static")
            throw Unsupported(node, $"the static function {name}");
        string signature = QualType(node);
        CType returnType = CType.Parse(ReturnTypeOf(signature, name));
        var parameters = new List<FunctionParameter>();
        foreach (JsonElement child in Children(node).Where(c => Kind(c) == "ParmVarDecl"))
        {
            string parameterName = String(child, "name") ?? $"arg{parameters.Count}";
            parameters.Add(new FunctionParameter(parameterName, CType.Parse(QualType(child))));
        }
        return new FunctionDeclaration(name, Comment(node), returnType, parameters);
    }

    /// <summary>The return type out of a function type <c>ret (params)</c>: what precedes the last top-level parenthesis group.</summary>
    private static string ReturnTypeOf(string signature, string name)
    {
        if (!signature.EndsWith(')')) throw new BindingsException($"Function {name} has the unexpected type '{signature}'.");
        int depth = 0;
        for (int i = signature.Length - 1; i >= 0; i--)
        {
            if (signature[i] == ')') depth++;
            else if (signature[i] == '(' && --depth == 0) return signature[..i].TrimEnd();
        }
        throw new BindingsException($"Function {name} has the unexpected type '{signature}'.");
    }

    /// <summary>The comment clang attached to a declaration (<c>-fparse-all-comments</c>), as one line of plain text.</summary>
    private static string? Comment(JsonElement node)
    {
        JsonElement? full = Children(node).Where(c => Kind(c) == "FullComment").Select(c => (JsonElement?)c).FirstOrDefault();
        if (full is null) return null;
        var paragraphs = new List<string>();
        foreach (JsonElement paragraph in Children(full.Value))
        {
            var text = new StringBuilder();
            AppendText(paragraph, text);
            string line = string.Join(' ', text.ToString().Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            if (line.Length > 0) paragraphs.Add(line);
        }
        return paragraphs.Count == 0 ? null : string.Join(' ', paragraphs);
    }

    private static void AppendText(JsonElement comment, StringBuilder text)
    {
        if (Kind(comment) == "TextComment") text.Append(String(comment, "text"));
        foreach (JsonElement child in Children(comment)) AppendText(child, text);
    }

    private static IEnumerable<JsonElement> Children(JsonElement node) =>
        node.TryGetProperty("inner", out JsonElement inner) ? inner.EnumerateArray() : [];

    private static string? Kind(JsonElement node) => String(node, "kind");

    private static string? String(JsonElement node, string property) =>
        node.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string QualType(JsonElement node) => node.GetProperty("type").GetProperty("qualType").GetString()!;

    /// <summary>clang's spelling of a pointer to a function whose parameters hold no parentheses: <c>void (*)(void *, int32_t, double)</c>.</summary>
    [GeneratedRegex(@"^(?<result>[^()]+?)\s*\(\*\)\((?<parameters>[^()]*)\)$")]
    private static partial Regex FunctionPointer();

    private static BindingsException Unsupported(JsonElement node, string what)
    {
        string line = node.TryGetProperty("loc", out JsonElement loc) && loc.TryGetProperty("line", out JsonElement l) ? $" (line {l.GetInt32()})" : "";
        return new BindingsException($"The header declares {what}{line}, which the bindings generator has no rule for.");
    }
}
