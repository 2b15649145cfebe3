using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Cheeger.Build.Engine;

/// <summary>A <see cref="ParameterAttribute"/> member of the build class, with its command-line and environment names.</summary>
internal sealed class BuildParameter
{
    private readonly MemberInfo _member;

    private BuildParameter(MemberInfo member, Type type, string description)
    {
        _member = member;
        Type = type;
        Description = description;
        OptionName = Words(member.Name, '-', char.ToLowerInvariant);
        EnvironmentName = Words(member.Name, '_', char.ToUpperInvariant);
    }

    public Type Type { get; }

    public string Description { get; }

    /// <summary>The option without dashes: <c>benchmark-filter</c> for <c>BenchmarkFilter</c>.</summary>
    public string OptionName { get; }

    /// <summary>The environment variable: <c>BENCHMARK_FILTER</c> for <c>BenchmarkFilter</c>.</summary>
    public string EnvironmentName { get; }

    public static IReadOnlyList<BuildParameter> Discover(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var members = buildType.GetFields(flags).Cast<MemberInfo>().Concat(buildType.GetProperties(flags));
        return members
            .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ParameterAttribute>()))
            .Where(m => m.Attribute is not null)
            .OrderBy(m => m.Member.MetadataToken)
            .Select(m => new BuildParameter(m.Member, MemberType(m.Member), m.Attribute!.Description))
            .ToList();
    }

    public object? GetValue(object build) => _member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The value as <c>--help</c> shows it.</summary>
    public string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IEnumerable items => string.Join(' ', items.Cast<object>()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Converts the words given on the command line (or the environment's value, split on spaces) and stores them.</summary>
    public void Bind(object build, IReadOnlyList<string> values, string source)
    {
        var value = Parse(values, source);
        switch (_member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo property:
                property.SetValue(build, value);
                break;
        }
    }

    private object? Parse(IReadOnlyList<string> values, string source)
    {
        if (Type == typeof(string[]))
        {
            return values.ToArray();
        }

        if (Type == typeof(bool) && values.Count == 0)
        {
            return true;
        }

        if (values.Count != 1)
        {
            throw new BuildFailedException($"{source} takes one value, got {values.Count}.");
        }

        var text = values[0];
        if (Type == typeof(string))
        {
            return text;
        }

        if (Type == typeof(bool) && bool.TryParse(text, out var flag))
        {
            return flag;
        }

        if (Type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (Type.IsEnum && Enum.TryParse(Type, text, ignoreCase: true, out var member) && Enum.IsDefined(Type, member))
        {
            return member;
        }

        var expected = Type.IsEnum ? string.Join(" | ", Enum.GetNames(Type)) : Type.Name.ToLowerInvariant();
        throw new BuildFailedException($"{source}: '{text}' is not a valid value (expected {expected}).");
    }

    private static Type MemberType(MemberInfo member)
    {
        var type = member switch
        {
            FieldInfo field => field.FieldType,
            PropertyInfo property => property.PropertyType,
            _ => throw new InvalidOperationException(),
        };
        var supported = type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(string[]) || type.IsEnum;
        return supported
            ? type
            : throw new BuildFailedException($"Parameter {member.Name} has type {type.Name}; parameters are string, bool, int, enum or string[].");
    }

    // "BenchmarkFilter" -> "benchmark-filter" / "BENCHMARK_FILTER".
    private static string Words(string name, char separator, Func<char, char> casing)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append(separator);
            }

            text.Append(casing(name[i]));
        }

        return text.ToString();
    }
}
