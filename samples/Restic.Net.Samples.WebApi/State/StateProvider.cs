namespace Restic.Net.Samples.WebApi.State;

/// <summary>The database behind <see cref="StateOptions"/>.</summary>
public enum StateProvider
{
    Sqlite,
    PostgreSql,
}
