namespace Restic.Net.Repository.Index;

/// <summary>What a blob holds.</summary>
internal enum BlobType : byte
{
    Data,
    Tree,
}
