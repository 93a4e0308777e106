using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Restic.Net.Serialization;

/// <summary>Deserialization through source-generated metadata only.</summary>
internal static class ResticJson
{
    /// <summary>Deserializes a JSON value; null when the bytes are not a valid value of the type.</summary>
    public static T? TryDeserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Deserializes the first JSON document in a text that may have text lines before and after it.</summary>
    /// <exception cref="JsonException">No valid document was found.</exception>
    public static T DeserializeDocument<T>(ReadOnlySpan<byte> output, JsonTypeInfo<T> typeInfo)
    {
        var start = FindDocumentStart(output);
        if (start < 0)
        {
            throw new JsonException("restic printed no JSON document.");
        }

        var reader = new Utf8JsonReader(output[start..], new JsonReaderOptions { AllowMultipleValues = true });
        return JsonSerializer.Deserialize(ref reader, typeInfo) ?? throw new JsonException("restic printed null.");
    }

    /// <summary>The byte offset just after the first JSON document, or -1.</summary>
    public static int EndOfDocument(ReadOnlySpan<byte> output)
    {
        var start = FindDocumentStart(output);
        if (start < 0)
        {
            return -1;
        }

        var reader = new Utf8JsonReader(output[start..], new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            reader.Read();
            reader.Skip();
            return start + (int)reader.BytesConsumed;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    // A document starts with '[' or '{' at the beginning of a line: text lines before it are skipped.
    private static int FindDocumentStart(ReadOnlySpan<byte> output)
    {
        var lineStart = 0;
        while (lineStart < output.Length)
        {
            var line = output[lineStart..];
            var trimmed = line.TrimStart(" \t"u8);
            if (!trimmed.IsEmpty && (trimmed[0] == (byte)'[' || trimmed[0] == (byte)'{'))
            {
                return lineStart + (line.Length - trimmed.Length);
            }

            var newline = line.IndexOf((byte)'\n');
            if (newline < 0)
            {
                return -1;
            }

            lineStart += newline + 1;
        }

        return -1;
    }
}
