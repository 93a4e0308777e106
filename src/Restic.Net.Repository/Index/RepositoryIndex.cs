using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Restic.Net.Repository.Index;

/// <summary>
/// The merged index files: for every blob, its pack, offset and length. Built once per reader and kept
/// (about 64 bytes per blob); rebuilt when the repository changed under it.
/// </summary>
internal sealed class RepositoryIndex
{
    private readonly Dictionary<BlobId, BlobEntry> _blobs = [];
    private readonly List<BlobId> _packs = [];
    private readonly Dictionary<BlobId, int> _packNumbers = [];

    public RepositoryIndex(IReadOnlyCollection<string> files) => Files = files;

    /// <summary>The index files this index was built from.</summary>
    public IReadOnlyCollection<string> Files { get; }

    /// <summary>True when both were built from the same index files (names are content hashes: the same content).</summary>
    public bool HasSameFiles(RepositoryIndex other) =>
        ReferenceEquals(this, other) || (Files.Count == other.Files.Count && Files.All(other.Files.Contains));

    public int BlobCount => _blobs.Count;

    public int PackCount => _packs.Count;

    public bool TryGet(BlobId id, out BlobEntry entry, out BlobId pack)
    {
        if (_blobs.TryGetValue(id, out entry))
        {
            pack = _packs[entry.Pack];
            return true;
        }

        pack = default;
        return false;
    }

    /// <summary>
    /// Adds what one index file lists; a blob already known keeps its first location. This method and the parser are
    /// compiled optimized at once: a one-shot process would otherwise load a large index in unoptimized code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(IndexFile file)
    {
        foreach (var (packId, blobs) in file.Packs)
        {
            if (!_packNumbers.TryGetValue(packId, out var pack))
            {
                pack = _packs.Count;
                _packs.Add(packId);
                _packNumbers.Add(packId, pack);
            }

            foreach (var blob in blobs)
            {
                _blobs.TryAdd(blob.Id, blob.Entry with { Pack = pack });
            }
        }
    }

    /// <summary>Releases the spare capacity the dictionaries grew while loading.</summary>
    public void Seal()
    {
        _blobs.TrimExcess();
        _packNumbers.TrimExcess();
        _packs.TrimExcess();
    }

    /// <summary>One index file, parsed: its packs with their blobs.</summary>
    internal sealed class IndexFile
    {
        public List<(BlobId Pack, List<(BlobId Id, BlobEntry Entry)> Blobs)> Packs { get; } = [];

        /// <summary>Parses the JSON of an index file; null with the problem when it is not one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static IndexFile? Parse(ReadOnlySpan<byte> json, out string? problem)
        {
            problem = null;
            var file = new IndexFile();
            try
            {
                var reader = new Utf8JsonReader(json);
                Expect(ref reader, JsonTokenType.StartObject);
                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("packs"u8))
                    {
                        if (Next(ref reader) == JsonTokenType.Null)
                        {
                            continue;
                        }

                        Require(reader.TokenType == JsonTokenType.StartArray, "packs is not an array");
                        while (Next(ref reader) == JsonTokenType.StartObject)
                        {
                            file.Packs.Add(ReadPack(ref reader));
                        }

                        Require(reader.TokenType == JsonTokenType.EndArray, "packs is not an array of objects");
                    }
                    else
                    {
                        Next(ref reader);
                        reader.Skip();
                    }
                }

                Require(reader.TokenType == JsonTokenType.EndObject, "the document is not an object");
                return file;
            }
            catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
            {
                problem = $"not an index: {exception.Message}";
                return null;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static (BlobId, List<(BlobId, BlobEntry)>) ReadPack(ref Utf8JsonReader reader)
        {
            BlobId? packId = null;
            var blobs = new List<(BlobId, BlobEntry)>();
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    packId = ReadId(ref reader);
                }
                else if (reader.ValueTextEquals("blobs"u8))
                {
                    Require(Next(ref reader) == JsonTokenType.StartArray, "blobs is not an array");
                    while (Next(ref reader) == JsonTokenType.StartObject)
                    {
                        blobs.Add(ReadBlob(ref reader));
                    }

                    Require(reader.TokenType == JsonTokenType.EndArray, "blobs is not an array of objects");
                }
                else
                {
                    Next(ref reader);
                    reader.Skip();
                }
            }

            Require(packId is not null, "a pack has no id");
            return (packId!.Value, blobs);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static (BlobId, BlobEntry) ReadBlob(ref Utf8JsonReader reader)
        {
            BlobId? id = null;
            BlobType? type = null;
            long offset = -1, length = -1, uncompressed = 0;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    id = ReadId(ref reader);
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    Require(Next(ref reader) == JsonTokenType.String, "a blob type is not a string");
                    type = reader.ValueTextEquals("data"u8) ? BlobType.Data
                        : reader.ValueTextEquals("tree"u8) ? BlobType.Tree
                        : throw new FormatException($"unknown blob type {reader.GetString()}");
                }
                else if (reader.ValueTextEquals("offset"u8))
                {
                    offset = ReadLength(ref reader);
                }
                else if (reader.ValueTextEquals("length"u8))
                {
                    length = ReadLength(ref reader);
                }
                else if (reader.ValueTextEquals("uncompressed_length"u8))
                {
                    uncompressed = ReadLength(ref reader);
                }
                else
                {
                    Next(ref reader);
                    reader.Skip();
                }
            }

            Require(id is not null && type is not null && offset >= 0 && length >= Crypto.MasterKey.Overhead, "a blob lacks its id, type, offset or length");
            return (id!.Value, new BlobEntry(0, (uint)offset, (uint)length, (uint)uncompressed, type!.Value));
        }

        private static BlobId ReadId(ref Utf8JsonReader reader)
        {
            if (Next(ref reader) != JsonTokenType.String || reader.ValueIsEscaped || !BlobId.TryParse(reader.ValueSpan, out var id))
            {
                throw new FormatException("an id is not 64 hex digits");
            }

            return id;
        }

        // Offsets and lengths fit in 32 bits: a pack is far below 4 GiB.
        private static long ReadLength(ref Utf8JsonReader reader)
        {
            if (Next(ref reader) != JsonTokenType.Number || !reader.TryGetUInt32(out var value))
            {
                throw new FormatException("an offset or length is not a 32-bit count");
            }

            return value;
        }

        private static JsonTokenType Next(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                throw new FormatException("the document ends early");
            }

            return reader.TokenType;
        }

        private static void Expect(ref Utf8JsonReader reader, JsonTokenType type) =>
            Require(Next(ref reader) == type, $"expected {type}");

        private static void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new FormatException(problem);
            }
        }
    }
}
