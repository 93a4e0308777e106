using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Restic.Net.Samples.WebApi.State;

/// <summary>Opens a context on the configured database; brings its schema up to date on start (EF Core migrations).</summary>
internal sealed class StateDatabase : IHostedService
{
    private readonly Func<ApiDbContext> _open;

    public StateDatabase(IOptions<StateOptions> options, IHostEnvironment environment)
    {
        var state = options.Value;
        InstanceName = state.InstanceName;
        switch (state.Provider)
        {
            case StateProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteApiDbContext>().UseSqlite(SqliteConnectionString(state, environment.ContentRootPath)).Options;
                _open = () => new SqliteApiDbContext(sqlite);
                break;
            case StateProvider.PostgreSql:
                var connection = state.ConnectionString ?? throw new InvalidOperationException("State:ConnectionString is required for PostgreSQL.");
                var postgres = new DbContextOptionsBuilder<PostgresApiDbContext>().UseNpgsql(connection).Options;
                _open = () => new PostgresApiDbContext(postgres);
                break;
            default:
                throw new InvalidOperationException($"State:Provider '{state.Provider}' is not Sqlite or PostgreSql.");
        }
    }

    /// <summary>This instance's name (<see cref="StateOptions.InstanceName"/>).</summary>
    public string InstanceName { get; }

    public ApiDbContext Open() => _open();

    /// <summary>The SQLite connection string: the configured one, or a file <c>restic-api.db</c> in the content root.</summary>
    public static string SqliteConnectionString(StateOptions state, string contentRoot) =>
        state.ConnectionString ?? $"Data Source={Path.Combine(contentRoot, "restic-api.db")}";

    /// <summary>Creates or upgrades the schema; EF Core serializes concurrent starts of several instances.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
