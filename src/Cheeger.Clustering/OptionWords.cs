using System.Text;

namespace Cheeger.Clustering;

/// <summary>How the library names an option in a message: its property name in lower-case words (<c>MaxIterations</c> → <c>max iterations</c>).</summary>
public static class OptionWords
{
    /// <summary>The words of <paramref name="propertyName"/>.</summary>
    public static string Of(string propertyName)
    {
        var words = new StringBuilder();
        for (int i = 0; i < propertyName.Length; i++)
        {
            char c = propertyName[i];
            if (char.IsUpper(c) && i > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
