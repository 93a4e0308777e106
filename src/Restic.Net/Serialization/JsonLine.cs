using System.Text.Json;

namespace Restic.Net.Serialization;

/// <summary>Classifies one output line: JSON object or text, and its <c>message_type</c>.</summary>
internal static class JsonLine
{
    /// <summary>
    /// Reads the top-level <c>message_type</c> (or <c>struct_type</c>, which <c>ls</c> used before 0.17)
    /// without deserializing the line. Returns false for a line that is not a JSON object.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <param name="messageType">The type; empty when the object has none.</param>
    public static bool TryGetMessageType(ReadOnlySpan<byte> line, out string messageType)
    {
        messageType = string.Empty;
        var trimmed = line.TrimStart(" \t"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(trimmed, new JsonReaderOptions { AllowTrailingCommas = false });
            reader.Read(); // StartObject
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("message_type"u8) || reader.ValueTextEquals("struct_type"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    messageType = Intern(ref reader);
                    return true;
                }

                reader.Skip();
            }

            // Validate the rest so that a truncated line counts as text.
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Intern(ref Utf8JsonReader reader)
    {
        foreach (var known in MessageTypes.All)
        {
            if (reader.ValueTextEquals(known))
            {
                return known;
            }
        }

        return reader.GetString() ?? string.Empty;
    }
}
