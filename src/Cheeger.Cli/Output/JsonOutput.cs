using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cheeger.Cli.Output;

/// <summary>How the command line writes JSON: snake_case names, nulls left out, indented.</summary>
public static class JsonOutput
{
    /// <summary>The serializer options of every JSON document the command line writes.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    /// <summary>Writes <paramref name="value"/> as one JSON document and a newline.</summary>
    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
        writer.Flush();
    }
}
