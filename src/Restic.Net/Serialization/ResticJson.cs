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

    /// <summary>
    /// Deserializes the first JSON document in a text that may have text lines before and after it. A
    /// text line that merely starts like JSON (restic 0.19.0's <c>stats</c> progress, <c>[0:01] ...</c>)
    /// is skipped like any other text line.
    /// </summary>
    /// <exception cref="JsonException">No valid document was found.</exception>
    public static T DeserializeDocument<T>(ReadOnlySpan<byte> output, JsonTypeInfo<T> typeInfo)
    {
        JsonException? first = null;
        for (var start = FindDocumentStart(output, 0); start >= 0; start = FindDocumentStart(output, NextLine(output, start)))
        {
            try
            {
                var reader = new Utf8JsonReader(output[start..], new JsonReaderOptions { AllowMultipleValues = true });
                return JsonSerializer.Deserialize(ref reader, typeInfo) ?? throw new JsonException("restic printed null.");
            }
            catch (JsonException ex)
            {
                // The first candidate's error is the one to report when no later line is a document either.
                first ??= ex;
            }
        }

        throw first ?? new JsonException("restic printed no JSON document.");
    }

    /// <summary>The byte offset just after the first JSON document, or -1.</summary>
    public static int EndOfDocument(ReadOnlySpan<byte> output)
    {
        for (var start = FindDocumentStart(output, 0); start >= 0; start = FindDocumentStart(output, NextLine(output, start)))
        {
            var reader = new Utf8JsonReader(output[start..], new JsonReaderOptions { AllowMultipleValues = true });
            try
            {
                reader.Read();
                reader.Skip();
                return start + (int)reader.BytesConsumed;
            }
            catch (JsonException)
            {
                // A text line that starts with '[' or '{': try the next line.
            }
        }

        return -1;
    }

    // A document starts with '[' or '{' at the beginning of a line: text lines before it are skipped.
    private static int FindDocumentStart(ReadOnlySpan<byte> output, int from)
    {
        var lineStart = from;
        while (lineStart >= 0 && lineStart < output.Length)
        {
            var line = output[lineStart..];
            var trimmed = line.TrimStart(" \t"u8);
            if (!trimmed.IsEmpty && (trimmed[0] == (byte)'[' || trimmed[0] == (byte)'{'))
            {
                return lineStart + (line.Length - trimmed.Length);
            }

            lineStart = NextLine(output, lineStart);
        }

        return -1;
    }

    // The start of the line after the one at 'position', or -1 at the end.
    private static int NextLine(ReadOnlySpan<byte> output, int position)
    {
        var newline = output[position..].IndexOf((byte)'\n');
        return newline < 0 ? -1 : position + newline + 1;
    }
}
