using Microsoft.Data.Sqlite;
using Restic.Net.Samples.WebApi.Repositories;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.State;

/// <summary>
/// The folders that hold this server's own state: the SQLite database's folder and the Data Protection key
/// ring. Whoever reads both has every repository password, and whoever writes them controls the server, so
/// they must stay apart from every allowed root: the server refuses to start when a root contains one of
/// them or lies inside one, and <see cref="PathPolicy"/> refuses any path that reaches into them.
/// </summary>
internal sealed class StateFolders
{
    private StateFolders(IReadOnlyList<(string Setting, string Path)> all) => All = all;

    /// <summary>Each folder with the setting that placed it there, resolved (<see cref="RealPath"/>).</summary>
    public IReadOnlyList<(string Setting, string Path)> All { get; }

    public static StateFolders From(StateOptions state, KeyRingOptions keyRing, string contentRoot)
    {
        var folders = new List<(string, string)>();
        if (state.Provider == StateProvider.Sqlite && DatabaseFile(StateDatabase.SqliteConnectionString(state, contentRoot)) is { } file)
        {
            var setting = state.ConnectionString is null ? "the content root (State:ConnectionString is not set)" : "State:ConnectionString";
            folders.Add((setting, RealPath.Resolve(Path.GetDirectoryName(file)!)));
        }

        if (!KeyRing.IsEphemeral(keyRing))
        {
            folders.Add(("DataProtection:KeysDirectory", RealPath.Resolve(Path.GetFullPath(keyRing.KeysDirectory!))));
        }

        return new StateFolders(folders);
    }

    /// <summary>Throws, naming both settings, when an allowed root contains a state folder or lies inside one.</summary>
    public void EnsureApartFrom(IReadOnlyList<string> allowedRoots)
    {
        for (var i = 0; i < allowedRoots.Count; i++)
        {
            var root = RealPath.Resolve(Path.GetFullPath(allowedRoots[i]));
            foreach (var (setting, folder) in All)
            {
                if (RealPath.IsAtOrBelow(folder, root) || RealPath.IsAtOrBelow(root, folder))
                {
                    var relation = RealPath.IsAtOrBelow(folder, root) ? "contains" : "lies inside";
                    throw new InvalidOperationException(
                        $"Restic:AllowedRoots:{i} ('{allowedRoots[i]}') {relation} the server's state folder '{folder}' ({setting}). " +
                        "A backup could copy the database and key ring (which together give every repository password) and a restore could overwrite them. " +
                        "Keep the state database and DataProtection:KeysDirectory in a folder of their own, outside every allowed root.");
                }
            }
        }
    }

    /// <summary>The state folder that <paramref name="resolvedPath"/> reaches: it is inside it or contains it.</summary>
    public string? Overlapping(string resolvedPath) =>
        All.Where(f => RealPath.IsAtOrBelow(resolvedPath, f.Path) || RealPath.IsAtOrBelow(f.Path, resolvedPath)).Select(f => f.Path).FirstOrDefault();

    /// <summary>The SQLite file a connection string names, or null for an in-memory database.</summary>
    private static string? DatabaseFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        return builder.Mode == SqliteOpenMode.Memory || source.Length == 0 || source == ":memory:" ? null : Path.GetFullPath(source);
    }
}
