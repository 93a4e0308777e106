namespace Restic.Net.Repository.Index;

/// <summary>A blob by id and type, as restic's blob sets hold it.</summary>
internal readonly record struct BlobHandle(BlobId Id, BlobType Type);
