namespace Restic.Net.Repository.Storage;

/// <summary>The kinds of repository files the reader reads (it never touches locks).</summary>
internal enum FileKind
{
    Config,
    Key,
    Snapshot,
    Index,
    Pack,
}
